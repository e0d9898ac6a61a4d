/** A record laid out for reading: every field of the atom, its files, container and logs. */
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Container, RecordAtom, Schemas } from '@reprise/sdk';
import { cloud, isNotFound } from '../api/client';
import { useMe, useMyRecords, useProject, useProjectRecords, useRecord, useRecordDiffs, useWrites } from '../api/hooks';
import { AttachFiles } from '../components/attach-files';
import { CiteBox } from '../components/cite-box';
import { ExportButtons } from '../components/export-menu';
import { ShareWithReviewers } from '../components/share-dialog';
import { RecordMetrics } from '../components/record-metrics';
import { FilePreviews } from '../components/previews/file-previews';
import { CompareIcon, DownloadIcon } from '../components/icons';
import { ReproduceButton } from '../components/reproduce-button';
import {
  Card,
  CodeBlock,
  ConfirmButton,
  DiffStatusBadge,
  Digest,
  Empty,
  ErrorBox,
  Fields,
  FormMessage,
  Loading,
  PageHeader,
  PrivacyBadge,
  Spinner,
  StatusBadge,
  Tags,
  TimeAgo,
} from '../components/ui';
import { canChange, canDelete } from '@reprise/rules';
import { formatBytes, formatDate, formatDuration, plural, shellLine } from '../lib/format';
import { pullSnippet } from '../lib/snippets';
import { useTitle } from '../lib/title';
import { parseTags } from './project-form';
import { NotFoundPage } from './errors';

type FileRef = Schemas['FileRef'];
type DiffSummary = Schemas['DiffRequestSummary'];
type Proposition = DiffSummary['proposition'];

/** How a verdict reads on the page of its target record ("repeated by …") and of its sender's ("repeats …"). */
const VERDICT_WORDS: Record<Proposition, { toward: string; from: string }> = {
  repeated: { toward: 'Repeated by', from: 'Repeats' },
  reproduced: { toward: 'Reproduced by', from: 'Reproduces' },
  'non-repeated': { toward: 'Not repeated by', from: 'Does not repeat' },
  'non-reproduced': { toward: 'Not reproduced by', from: 'Does not reproduce' },
};

/** The other record of a request, linked when the viewer may see it. */
function OtherRecord({ side }: { side: DiffSummary['from'] }) {
  if (!side.visible) return <span className="muted">a private record</span>;
  return (
    <>
      <Link to={`/records/${side.id}`}>{side.label}</Link> <span className="muted small">({side.projectName})</span>
    </>
  );
}

/** The requests about a record: verdicts agreed, and claims pending, denied or withdrawn. */
function Verdicts({ recordId, requests }: { recordId: string; requests: DiffSummary[] }) {
  if (requests.length === 0) return <p className="muted">No diff requests involve this record.</p>;
  return (
    <ul className="verdicts">
      {requests.map((request) => {
        const isTarget = request.toward.id === recordId;
        const words = VERDICT_WORDS[request.proposition];
        const phrase = isTarget ? words.toward : words.from;
        return (
          <li key={request.id} data-verdict={request.id}>
            {request.status === 'agreed' ? null : <span className="muted">Claimed: </span>}
            {phrase} <OtherRecord side={isTarget ? request.from : request.toward} /> <DiffStatusBadge status={request.status} />{' '}
            <Link to={`/requests/${request.id}`} className="small">
              {request.status === 'agreed' ? 'verdict' : 'request'}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** Free-form JSON, pretty-printed as text (never as HTML). */
function Json({ value }: { value: unknown }) {
  if (value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0)) return <p className="muted">None recorded.</p>;
  return <CodeBlock code={JSON.stringify(value, null, 2)} label="JSON" />;
}

function FileTable({ files, recordId, kind }: { files: FileRef[]; recordId: string; kind: 'inputs' | 'outputs' }) {
  if (files.length === 0) return <p className="muted">No {kind} recorded.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>Name</th>
            <th className="hide-narrow">Path</th>
            <th>Size</th>
            <th className="hide-narrow">sha256</th>
            <th className="hide-narrow">Type</th>
            <th>
              <span className="sr-only">Download</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr key={`${file.name}/${file.path ?? ''}`}>
              <td className="file-name">
                {file.name}
                {/* On a phone the digest goes under the name, leaving the name room to stay whole. */}
                <div className="show-narrow">
                  <Digest value={file.sha256} />
                </div>
              </td>
              <td className="hide-narrow mono small break">{file.path ?? <span className="muted">—</span>}</td>
              <td className="nowrap">{formatBytes(file.size)}</td>
              <td className="hide-narrow">
                <Digest value={file.sha256} />
              </td>
              <td className="hide-narrow small">{file.mediaType ?? '—'}</td>
              <td className="nowrap">
                {file.file ? (
                  <a className="btn btn-small" href={cloud.records.fileUrl(recordId, file.file)} download={file.name}>
                    <DownloadIcon /> <span className="label-wide">Download</span>
                  </a>
                ) : (
                  <span className="muted small" title="The tool declared this file but did not upload its bytes.">
                    declared only
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Program({ program }: { program: unknown }) {
  const value = (program ?? {}) as { command?: string; arguments?: string[]; entryPoint?: string; version?: string; versionControl?: Record<string, unknown> };
  const line = value.command ? shellLine([value.command, ...(value.arguments ?? [])]) : null;
  const vcs = value.versionControl;
  const rest = Object.fromEntries(Object.entries(value).filter(([key]) => !['command', 'arguments', 'entryPoint', 'version', 'versionControl'].includes(key)));
  return (
    <>
      {line ? <CodeBlock code={line} label="command" /> : <p className="muted">No command recorded.</p>}
      <Fields
        hideEmpty
        rows={[
          ['Entry point', value.entryPoint ? <code>{value.entryPoint}</code> : null],
          ['Version', value.version ?? null],
          ['Commit', typeof vcs?.commit === 'string' ? <Digest value={vcs.commit} /> : null],
          ['Branch', typeof vcs?.branch === 'string' ? vcs.branch : null],
          ['Repository', typeof vcs?.repository === 'string' ? <span className="break">{vcs.repository}</span> : null],
          ['Working tree', vcs ? vcs.dirty ? <>changed{typeof vcs.diff === 'string' ? <> · diff <Digest value={vcs.diff} /></> : null}</> : 'clean' : null],
        ]}
      />
      {Object.keys(rest).length > 0 ? <Json value={rest} /> : null}
    </>
  );
}

function Dependencies({ dependencies }: { dependencies: RecordAtom['dependencies'] }) {
  const [filter, setFilter] = useState('');
  const [all, setAll] = useState(false);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return needle ? dependencies.filter((dep) => dep.name.toLowerCase().includes(needle)) : dependencies;
  }, [dependencies, filter]);
  if (dependencies.length === 0) return <p className="muted">No dependencies recorded.</p>;
  const visible = all ? shown : shown.slice(0, 50);
  return (
    <>
      {dependencies.length > 10 ? <input className="input input-small" placeholder={`Filter ${dependencies.length} dependencies`} aria-label="Filter dependencies" value={filter} onChange={(event) => setFilter(event.target.value)} /> : null}
      <div className="table-wrap">
        <table className="table table-compact">
          <thead>
            <tr>
              <th>Name</th>
              <th>Version</th>
              <th>Manager</th>
              <th className="hide-narrow">Source</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((dep) => (
              <tr key={`${dep.manager ?? ''}/${dep.name}`}>
                <td className="strong break">{dep.name}</td>
                <td className="mono small">{dep.version || '—'}</td>
                <td className="small">{dep.manager ?? '—'}</td>
                <td className="hide-narrow small break">{dep.source ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > visible.length ? (
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setAll(true)}>
          Show all {shown.length}
        </button>
      ) : null}
    </>
  );
}

function SystemInfo({ system }: { system: unknown }) {
  if (!system || typeof system !== 'object' || Array.isArray(system)) return <Json value={system} />;
  const entries = Object.entries(system as Record<string, unknown>);
  const scalars = entries.filter(([, value]) => value === null || typeof value !== 'object');
  const nested = Object.fromEntries(entries.filter(([, value]) => value !== null && typeof value === 'object'));
  return (
    <>
      {scalars.length > 0 ? <Fields rows={scalars.map(([key, value]) => [key, <span className="break">{key === 'memory' && typeof value === 'number' ? formatBytes(value) : String(value)}</span>])} /> : null}
      {Object.keys(nested).length > 0 ? <Json value={nested} /> : null}
    </>
  );
}

function ContainerInfo({ container, record }: { container: Container | null; record: RecordAtom }) {
  if (!container) return <p className="muted">This record ran in no recorded container.</p>;
  const snippet = pullSnippet(window.location.origin, container, record.project, record.id);
  const image = container.image;
  return (
    <>
      <Fields
        hideEmpty
        rows={[
          ['System', container.system],
          ['Version', container.version.commit ? <>{container.version.vcs ?? 'commit'} <Digest value={container.version.commit} /> {container.version.branch ? `on ${container.version.branch}` : ''}</> : null],
          ['Image', image?.reference ? <span className="break mono small">{image.reference}</span> : image?.name ?? null],
          ['Image size', image?.size ? formatBytes(image.size) : null],
          ['Image digest', image ? <Digest value={image.digest ?? image.sha256} /> : null],
          ['Pushed', formatDate(container.created)],
        ]}
      />
      {snippet ? (
        <>
          <h3 className="subhead">Pull the image</h3>
          <CodeBlock code={snippet} label="pull commands" />
        </>
      ) : null}
    </>
  );
}

function EditRecord({ record, onDone }: { record: RecordAtom; onDone: () => void }) {
  const { editRecord } = useWrites();
  const [reason, setReason] = useState(record.reason ?? '');
  const [outcome, setOutcome] = useState(record.outcome ?? '');
  const [tags, setTags] = useState(record.tags.join(', '));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    editRecord.mutate({ id: record.id, body: { reason, outcome, tags: parseTags(tags) } }, { onSuccess: onDone });
  };
  return (
    <form className="form" onSubmit={submit}>
      <label className="label">
        Reason
        <textarea className="input" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <label className="label">
        Outcome
        <textarea className="input" rows={3} value={outcome} onChange={(event) => setOutcome(event.target.value)} />
      </label>
      <label className="label">
        Tags
        <input className="input" value={tags} onChange={(event) => setTags(event.target.value)} />
      </label>
      <FormMessage error={editRecord.error} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={editRecord.isPending}>
          {editRecord.isPending ? <Spinner /> : null} Save
        </button>
      </div>
    </form>
  );
}

/** Picks the other record of a comparison: from this project, or from the signed-in user's records. */
function ComparePicker({ record, signedIn }: { record: RecordAtom; signedIn: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const [source, setSource] = useState<'project' | 'mine'>(signedIn && !record.private ? 'mine' : 'project');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const projectRecords = useProjectRecords(record.project, { limit: 20, ...(q ? { q } : {}) }, open && source === 'project');
  const mine = useMyRecords({ limit: 20, ...(q ? { q } : {}) }, open && signedIn && source === 'mine');
  const list = source === 'mine' ? mine : projectRecords;
  const candidates = (list.data?.data ?? []).filter((candidate) => candidate.id !== record.id);
  return (
    <>
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        <CompareIcon /> Compare with…
      </button>
      <dialog ref={dialog} className="dialog dialog-wide" aria-label="Pick a record to compare with" onClose={() => setOpen(false)}>
        <h2>Compare “{record.label}” with…</h2>
        <div className="dialog-body">
          {signedIn ? (
            <div className="segmented" role="group" aria-label="Where to pick from">
              <button type="button" className={source === 'mine' ? 'active' : ''} aria-pressed={source === 'mine'} onClick={() => setSource('mine')}>
                My records
              </button>
              <button type="button" className={source === 'project' ? 'active' : ''} aria-pressed={source === 'project'} onClick={() => setSource('project')}>
                This project
              </button>
            </div>
          ) : null}
          <input className="input" type="search" placeholder="Search by label, reason, outcome or tag" aria-label="Search records" value={q} onChange={(event) => setQ(event.target.value)} />
          <ul className="pick-list">
            {list.isPending ? <li className="muted">Loading…</li> : null}
            {list.isError ? (
              <li>
                <ErrorBox error={list.error} />
              </li>
            ) : null}
            {!list.isPending && candidates.length === 0 ? <li className="muted">No other record found.</li> : null}
            {candidates.map((candidate) => (
              <li key={candidate.id}>
                <button
                  type="button"
                  className="pick"
                  onClick={() => {
                    dialog.current?.close();
                    // One's own record goes first: that is the side a request is sent from.
                    void navigate(source === 'mine' ? `/compare/${candidate.id}/${record.id}` : `/compare/${record.id}/${candidate.id}`);
                  }}
                >
                  <span className="strong">{candidate.label}</span>
                  <span className="muted small">
                    {candidate.projectName} · {candidate.owner.name} · <TimeAgo iso={candidate.created} />
                  </span>
                  <StatusBadge status={candidate.status} />
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}

/** The record page. */
export function RecordPage() {
  const { id = '' } = useParams();
  const record = useRecord(id);
  const me = useMe();
  const project = useProject(record.data?.project ?? '', Boolean(record.data));
  const diffs = useRecordDiffs(id);
  const { deleteRecord } = useWrites();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  useTitle(record.data?.label ?? 'Record');
  if (record.isPending) return <Loading />;
  if (record.isError) return isNotFound(record.error) ? <NotFoundPage what="record" /> : <ErrorBox error={record.error} onRetry={() => void record.refetch()} />;
  const data = record.data;
  const mine = canChange(me.data?.id, { owner: data.owner.id });
  const containers = project.data?.containers ?? [];
  const index = containers.findIndex((container) => container.id === data.container);
  const container = index >= 0 ? (containers[index] ?? null) : null;
  const requests = diffs.data?.data ?? [];
  // The oldest agreed verdict is the one the service names when it refuses a change.
  const seal = requests.filter((request) => request.status === 'agreed').at(-1);

  return (
    <div className="page">
      <PageHeader
        eyebrow={
          <>
            <Link to={`/projects/${data.project}`}>{data.projectName}</Link> / record
          </>
        }
        title={
          <>
            <span className="break">{data.label}</span> <StatusBadge status={data.status} /> <PrivacyBadge private={data.private} />
          </>
        }
        meta={
          <>
            by {data.owner.name} · created <TimeAgo iso={data.created} /> · updated <TimeAgo iso={data.updated} />
            {data.duration !== null && data.duration !== undefined ? <> · ran {formatDuration(data.duration)}</> : null}
            {index >= 0 ? <> · container v{index + 1}</> : null}
          </>
        }
        actions={
          <>
            <ComparePicker record={data} signedIn={Boolean(me.data)} />
            <ExportButtons kind="record" id={data.id} />
            {mine && (data.private || data.published) ? <ShareWithReviewers target={{ record: data.id }} record={data} /> : null}
            <ReproduceButton record={data} signedIn={Boolean(me.data)} />
            {mine ? (
              <>
                <button type="button" className="btn" onClick={() => setEditing((value) => !value)}>
                  {editing ? 'Close editor' : 'Edit'}
                </button>
                {canDelete(me.data?.id, { owner: data.owner.id, sealed: seal !== undefined }) ? (
                  <ConfirmButton
                    label="Delete"
                    title={`Delete record “${data.label}”?`}
                    confirmLabel="Delete record"
                    onConfirm={() => deleteRecord.mutateAsync(data.id).then(() => navigate(`/projects/${data.project}`))}
                  >
                    <p>The record, its diff requests and its files (when no other record uses them) are deleted for good.</p>
                  </ConfirmButton>
                ) : null}
              </>
            ) : null}
          </>
        }
      />
      {seal ? (
        <div className="alert alert-sealed" role="status" data-sealed-by={seal.id}>
          <div>
            <strong>Sealed</strong> by the agreed{' '}
            <Link to={`/requests/${seal.id}`}>verdict “{seal.proposition}”</Link>
            <p className="small">
              Its program, parameters, inputs, outputs, container, dependencies and system are the evidence of that verdict and can no longer
              change, and it cannot be deleted; tags, reason and outcome stay editable.
            </p>
          </div>
        </div>
      ) : null}
      <div className="record-grid">
        <Card title="Summary" className="span-2">
          {editing ? (
            <EditRecord record={data} onDone={() => setEditing(false)} />
          ) : (
            <Fields
              rows={[
                ['Reason', data.reason ? <span className="pre-line">{data.reason}</span> : null],
                ['Outcome', data.outcome ? <span className="pre-line">{data.outcome}</span> : null],
                ['Tags', data.tags.length > 0 ? <Tags tags={data.tags} max={50} /> : null],
                ['Duration', data.duration !== null && data.duration !== undefined ? formatDuration(data.duration) : null],
                ['Created', formatDate(data.created)],
                ['Updated', formatDate(data.updated)],
              ]}
            />
          )}
        </Card>
        <Card title="Program">
          <Program program={data.program} />
        </Card>
        <Card title="Parameters">
          <Json value={data.parameters} />
        </Card>
        <RecordMetrics record={data} />
        <Card title={`Inputs (${data.inputs?.length ?? 0})`} className="span-2">
          <FileTable files={data.inputs ?? []} recordId={data.id} kind="inputs" />
        </Card>
        <Card title={`Outputs (${data.outputs?.length ?? 0})`} className="span-2">
          <FileTable files={data.outputs ?? []} recordId={data.id} kind="outputs" />
        </Card>
        <FilePreviews record={data.id} outputs={data.outputs ?? []} inputs={data.inputs ?? []} />
        <Card title={`Verdicts (${requests.length})`} className="span-2" id="verdicts">
          {diffs.isPending ? <Loading /> : diffs.isError ? <ErrorBox error={diffs.error} onRetry={() => void diffs.refetch()} /> : <Verdicts recordId={data.id} requests={requests} />}
        </Card>
        {mine && !seal ? <AttachFiles record={data} /> : null}
        <CiteBox kind="record" id={data.id} sealed={seal !== undefined} />
        <Card title="Container">
          {project.isPending ? <Loading /> : <ContainerInfo container={container} record={data} />}
        </Card>
        <Card title="System">
          <SystemInfo system={data.system} />
        </Card>
        <Card title={`Dependencies (${data.dependencies.length})`} className="span-2">
          <Dependencies dependencies={data.dependencies} />
        </Card>
        <Card title="Status history">
          {data.statusHistory.length === 0 ? (
            <p className="muted">No status changes recorded.</p>
          ) : (
            <ol className="status-history">
              {data.statusHistory.map((change, i) => (
                <li key={`${change.at}-${i}`}>
                  <StatusBadge status={change.status} />
                  <span className="muted small">{formatDate(change.at)}</span>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card title="Custom fields">
          <Json value={data.custom} />
        </Card>
        <Card title="Standard output" className="span-2">
          {data.stdout ? <CodeBlock code={data.stdout} className="log" label="stdout" /> : <Empty title="Nothing on stdout" />}
        </Card>
        <Card title="Standard error" className="span-2">
          {data.stderr ? <CodeBlock code={data.stderr} className="log log-err" label="stderr" /> : <Empty title="Nothing on stderr" />}
        </Card>
      </div>
      <p className="muted small record-foot">
        {plural((data.inputs?.length ?? 0) + (data.outputs?.length ?? 0), 'file')} · record id <code>{data.id}</code>
      </p>
    </div>
  );
}
