/**
 * What a reviewer link shows, without a session: the project or record it names, its records,
 * their files and comparisons. Read only: nothing here writes.
 */
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { RecordAtom, RecordSummary, SharedView } from '@reprise/sdk';
import { cloud, isNotFound } from '../api/client';
import { EvidenceView, Verdict } from '../components/evidence';
import { FileSourceContext, type FileSource } from '../components/file-source';
import { CompareIcon, DownloadIcon } from '../components/icons';
import { Badge, Card, CodeBlock, Digest, ErrorBox, Fields, Loading, PageHeader, PrivacyBadge, StatusBadge, TimeAgo } from '../components/ui';
import { formatBytes, formatDate, formatDuration, plural } from '../lib/format';
import { useTitle } from '../lib/title';
import { NotFoundPage } from './errors';

function useShared(secret: string) {
  return useQuery({ queryKey: ['shared', secret], queryFn: ({ signal }) => cloud.shared.open(secret, { signal }), retry: false });
}

function useSharedRecords(secret: string) {
  return useQuery({ queryKey: ['shared', secret, 'records'], queryFn: ({ signal }) => cloud.shared.records(secret, { limit: 100 }, { signal }), retry: false });
}

/** The banner that says what this page is. */
function SharedBanner({ view }: { view: SharedView }) {
  return (
    <div className="alert" role="note" data-shared-link={view.link.kind}>
      <p className="small">
        You are reading a {view.link.kind} shared through a reviewer link: read only{view.link.anonymous ? ', its owner anonymous' : ''}
        {view.link.expires ? (
          <>
            , until <TimeAgo iso={view.link.expires} />
          </>
        ) : null}
        .
      </p>
    </div>
  );
}

function gone(what: string, error: unknown, retry: () => void) {
  return isNotFound(error) ? <NotFoundPage what={what} /> : <ErrorBox error={error} onRetry={retry} />;
}

function SharedRecords({ secret, records }: { secret: string; records: RecordSummary[] }) {
  if (records.length === 0) return <p className="muted">No records.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>Record</th>
            <th>Status</th>
            <th className="hide-narrow">Created</th>
            <th className="hide-narrow">Outputs</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.id} data-record={record.label}>
              <td>
                <Link to={`/shared/${secret}/records/${record.id}`} className="strong break">
                  {record.label}
                </Link>
              </td>
              <td>
                <StatusBadge status={record.status} />
              </td>
              <td className="hide-narrow">
                <TimeAgo iso={record.created} />
              </td>
              <td className="hide-narrow">{plural(record.outputs?.length ?? 0, 'file')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /shared/:secret — the project (and its records) or the record a link names. */
export function SharedPage() {
  const { secret = '' } = useParams();
  const view = useShared(secret);
  const records = useSharedRecords(secret);
  useTitle(view.data ? (view.data.record?.label ?? view.data.project.name) : 'Shared');
  if (view.isPending) return <Loading />;
  if (view.isError) return gone('shared link', view.error, () => void view.refetch());
  const { project, record } = view.data;
  if (record) return <SharedRecordView secret={secret} view={view.data} record={record} others={[]} />;
  return (
    <div className="page">
      <SharedBanner view={view.data} />
      <PageHeader
        eyebrow={<>Shared project · {project.owner.name}</>}
        title={
          <>
            {project.name} <PrivacyBadge private={project.private} />
          </>
        }
        meta={
          <>
            {plural(project.counts.records, 'record')} · {plural(project.counts.containers, 'container version')} · created <TimeAgo iso={project.created} />
          </>
        }
      />
      {project.description ? <p className="pre-line">{project.description}</p> : null}
      <Card title="Records">{records.isPending ? <Loading /> : records.isError ? <ErrorBox error={records.error} /> : <SharedRecords secret={secret} records={records.data.data} />}</Card>
    </div>
  );
}

function Files({ secret, record, kind }: { secret: string; record: RecordAtom; kind: 'inputs' | 'outputs' }) {
  const files = record[kind] ?? [];
  if (files.length === 0) return <p className="muted">No {kind} recorded.</p>;
  return (
    <ul className="shared-files">
      {files.map((file) => (
        <li key={`${file.name}/${file.path ?? ''}`}>
          <span className="file-name">{file.name}</span> <span className="muted small">{formatBytes(file.size)}</span> <Digest value={file.sha256} />{' '}
          {file.file ? (
            <a className="btn btn-small" href={cloud.shared.fileUrl(secret, record.id, file.file)} download={file.name}>
              <DownloadIcon /> <span className="label-wide">Download</span>
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** One record through a link, with a way to compare it with another record the link reaches. */
function SharedRecordView({ secret, view, record, others }: { secret: string; view: SharedView; record: RecordAtom; others: RecordSummary[] }) {
  const navigate = useNavigate();
  const [other, setOther] = useState('');
  const candidates = others.filter((candidate) => candidate.id !== record.id);
  const container = view.project.containers.find((candidate) => candidate.id === record.container) ?? null;
  return (
    <div className="page">
      <SharedBanner view={view} />
      <PageHeader
        eyebrow={
          view.link.kind === 'project' ? (
            <>
              <Link to={`/shared/${secret}`}>{record.projectName}</Link> / record
            </>
          ) : (
            <>{record.projectName} / record</>
          )
        }
        title={
          <>
            <span className="break">{record.label}</span> <StatusBadge status={record.status} /> <PrivacyBadge private={record.private} />
          </>
        }
        meta={
          <>
            by <span data-owner>{record.owner.name}</span> · created <TimeAgo iso={record.created} />
            {record.duration !== null && record.duration !== undefined ? <> · ran {formatDuration(record.duration)}</> : null}
          </>
        }
        actions={
          candidates.length > 0 ? (
            <form
              className="share-compare"
              onSubmit={(event) => {
                event.preventDefault();
                if (other) void navigate(`/shared/${secret}/compare/${record.id}/${other}`);
              }}
            >
              <select className="input input-small" aria-label="Record to compare with" value={other} onChange={(event) => setOther(event.target.value)}>
                <option value="">Compare with…</option>
                {candidates.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.label}
                  </option>
                ))}
              </select>{' '}
              <button type="submit" className="btn btn-primary" disabled={!other}>
                <CompareIcon /> Compare
              </button>
            </form>
          ) : null
        }
      />
      <div className="record-grid">
        <Card title="Summary" className="span-2">
          <Fields
            rows={[
              ['Reason', record.reason ? <span className="pre-line">{record.reason}</span> : null],
              ['Outcome', record.outcome ? <span className="pre-line">{record.outcome}</span> : null],
              ['Tags', record.tags.length > 0 ? record.tags.map((tag) => <Badge key={tag}>{tag}</Badge>) : null],
              ['Created', formatDate(record.created)],
            ]}
          />
        </Card>
        <Card title="Program">{record.program ? <CodeBlock code={JSON.stringify(record.program, null, 2)} label="JSON" /> : <p className="muted">None recorded.</p>}</Card>
        <Card title="Parameters">{record.parameters ? <CodeBlock code={JSON.stringify(record.parameters, null, 2)} label="JSON" /> : <p className="muted">None recorded.</p>}</Card>
        <Card title={`Inputs (${record.inputs?.length ?? 0})`} className="span-2">
          <Files secret={secret} record={record} kind="inputs" />
        </Card>
        <Card title={`Outputs (${record.outputs?.length ?? 0})`} className="span-2">
          <Files secret={secret} record={record} kind="outputs" />
        </Card>
        <Card title="Container">
          {container ? (
            <Fields hideEmpty rows={[['System', container.system], ['Commit', <Digest value={container.version.commit} />], ['Pushed', formatDate(container.created)]]} />
          ) : (
            <p className="muted">No recorded container.</p>
          )}
        </Card>
        <Card title="System">{record.system ? <CodeBlock code={JSON.stringify(record.system, null, 2)} label="JSON" /> : <p className="muted">None recorded.</p>}</Card>
      </div>
    </div>
  );
}

/** /shared/:secret/records/:id — one record of a shared project. */
export function SharedRecordPage() {
  const { secret = '', id = '' } = useParams();
  const view = useShared(secret);
  const records = useSharedRecords(secret);
  const record = useQuery({ queryKey: ['shared', secret, 'record', id], queryFn: ({ signal }) => cloud.shared.record(secret, id, { signal }), retry: false });
  useTitle(record.data?.label ?? 'Shared record');
  if (view.isPending || record.isPending) return <Loading />;
  if (view.isError) return gone('shared link', view.error, () => void view.refetch());
  if (record.isError) return gone('record', record.error, () => void record.refetch());
  return <SharedRecordView secret={secret} view={view.data} record={record.data} others={records.data?.data ?? []} />;
}

/** /shared/:secret/compare/:a/:b — the evidence for two records the link reaches. */
export function SharedComparePage() {
  const { secret = '', a = '', b = '' } = useParams();
  const view = useShared(secret);
  const comparison = useQuery({ queryKey: ['shared', secret, 'compare', a, b], queryFn: ({ signal }) => cloud.shared.compare(secret, a, b, {}, { signal }), retry: false });
  // The text diff and image previews fetch the files through the link, as everything on this page.
  const files = useMemo<FileSource>(
    () => ({ url: (record, file) => cloud.shared.fileUrl(secret, record, file), download: (record, file, options) => cloud.shared.file(secret, record, file, options) }),
    [secret],
  );
  useTitle(comparison.data ? `${comparison.data.a.label} vs ${comparison.data.b.label}` : 'Compare');
  if (view.isPending || comparison.isPending) return <Loading label="Comparing the two records…" />;
  if (view.isError) return gone('shared link', view.error, () => void view.refetch());
  if (comparison.isError) return gone('comparison', comparison.error, () => void comparison.refetch());
  const data = comparison.data;
  return (
    <div className="page">
      <SharedBanner view={view.data} />
      <PageHeader
        eyebrow={<Link to={`/shared/${secret}`}>Compare records</Link>}
        title={
          <>
            <Link to={`/shared/${secret}/records/${data.a.id}`} className="break">
              {data.a.label}
            </Link>{' '}
            <span className="vs">vs</span>{' '}
            <Link to={`/shared/${secret}/records/${data.b.id}`} className="break">
              {data.b.label}
            </Link>
          </>
        }
      />
      <Verdict evidence={data.evidence} />
      <FileSourceContext.Provider value={files}>
        <EvidenceView evidence={data.evidence} />
      </FileSourceContext.Provider>
    </div>
  );
}
