/** A project: description, goals, privacy, records table, container timeline, reproducibility. */
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Container, ProjectDetail, ProjectRecordsQuery, RecordStatus } from '@reprise/sdk';
import { cloud, isNotFound } from '../api/client';
import { useMe, useProject, useProjectPaths, useProjectRecords, useReproducibility, useWrites } from '../api/hooks';
import { ContainerDetails } from '../components/container-details';
import { FilterInput } from '../components/filter-input';
import { BoxIcon, ChevronIcon, CompareIcon, PlusIcon } from '../components/icons';
import { ExportButtons } from '../components/export-menu';
import { CodeBlock, ConfirmButton, Digest, Empty, ErrorBox, Loading, PageHeader, Pager, PrivacyBadge, SkeletonRows, StatusBadge, Tabs, Tags, TimeAgo } from '../components/ui';
import { ShareWithReviewers } from '../components/share-dialog';
import { canChange } from '@reprise/rules';
import { formatBytes, formatCount, formatDate, plural } from '../lib/format';
import { oneOf, withParams } from '../lib/params';
import { recordsQueryOf, RECORD_STATUSES as STATUSES } from '../lib/records-query';
import { badgeMarkdown } from '../lib/snippets';
import { useTitle } from '../lib/title';
import { NotFoundPage } from './errors';
import { columnsOf, PathCells, PathHeader, WorksheetBar } from '../components/worksheet';
import { ScatterPanel } from '../components/scatter';


/** "v3 · docker" for a container id, from the project's history. */
function containerLabel(containers: Container[], id: string | null): string {
  if (!id) return '—';
  const index = containers.findIndex((container) => container.id === id);
  if (index < 0) return 'unknown';
  const container = containers[index];
  return `v${index + 1} · ${container?.system ?? ''}`;
}

function versionText(version: Container['version']): string {
  const parts: string[] = [];
  if (version.commit) parts.push(`${version.vcs ?? 'commit'} ${version.commit.slice(0, 10)}`);
  if (version.branch) parts.push(`on ${version.branch}`);
  if (version.tag) parts.push(`tag ${version.tag}`);
  if (version.dirty) parts.push('with local changes');
  return parts.join(' ') || 'no version recorded';
}

/** The container history as a timeline, newest first. */
function ContainerTimeline({ project }: { project: ProjectDetail }) {
  const containers = [...project.containers].reverse();
  if (containers.length === 0) {
    return (
      <Empty title="No container versions yet">
        Tools push one with <code>reprise container push --system docker --image image.tar</code>; records made afterwards run in it.
      </Empty>
    );
  }
  return (
    <ol className="timeline">
      {containers.map((container, index) => {
        const number = project.containers.length - index;
        const image = container.image;
        return (
          <li key={container.id} className="timeline-item">
            <span className="timeline-dot" aria-hidden="true">
              <BoxIcon />
            </span>
            <div className="timeline-content">
              <div className="timeline-head">
                <strong>v{number}</strong>
                <span className="badge badge-info">{container.system}</span>
                {index === 0 ? <span className="badge badge-accent">current</span> : null}
                <span className="muted timeline-when" title={formatDate(container.created)}>
                  <TimeAgo iso={container.created} />
                </span>
              </div>
              <p className="timeline-version">{versionText(container.version)}</p>
              {container.version.repository ? <p className="muted small break">{container.version.repository}</p> : null}
              <dl className="timeline-image">
                {image?.reference ? (
                  <div>
                    <dt>Image</dt>
                    <dd className="break mono small">{image.reference}</dd>
                  </div>
                ) : null}
                {image?.size !== null && image?.size !== undefined ? (
                  <div>
                    <dt>Size</dt>
                    <dd>{formatBytes(image.size)}</dd>
                  </div>
                ) : null}
                <div>
                  <dt>Digest</dt>
                  <dd>{image ? <Digest value={image.digest ?? image.sha256} /> : <span className="muted">no image</span>}</dd>
                </div>
              </dl>
              <ContainerDetails container={container} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** The reproducibility tally, the badge and its snippet. */
function Reproducibility({ project }: { project: ProjectDetail }) {
  const tally = useReproducibility(project.id);
  const origin = window.location.origin;
  const counts = tally.data?.tally;
  return (
    <section className="card repro">
      <header className="card-header">
        <h2 className="card-title">Reproducibility</h2>
        {!project.private ? <img src={cloud.browse.badgeUrl(project.id)} alt="Reproducibility badge" height={20} /> : null}
      </header>
      <div className="card-body">
        {tally.isError ? <ErrorBox error={tally.error} /> : null}
        <div className="tally" aria-busy={tally.isPending}>
          {(['repeated', 'reproduced', 'non-repeated', 'non-reproduced'] as const).map((proposition) => (
            <div key={proposition} className={`tally-item tally-${proposition}`} data-proposition={proposition}>
              <span className="tally-value">{counts ? counts[proposition] : '–'}</span>
              <span className="tally-label">{proposition}</span>
            </div>
          ))}
        </div>
        <p className="muted small">Agreed diff requests toward this project's records. Each one is a claim its owner confirmed after seeing the evidence.</p>
        {!project.private ? (
          <details className="details">
            <summary>Badge for your README</summary>
            <CodeBlock code={badgeMarkdown(origin, project.id)} label="badge markdown" />
          </details>
        ) : (
          <p className="muted small">Public projects get a badge to show in a README.</p>
        )}
      </div>
    </section>
  );
}

/** The records query of the URL's filters, order and page (shared by the page, which starts it, and the table). */
function useRecordsQuery(): ProjectRecordsQuery {
  const [params] = useSearchParams();
  const search = params.toString();
  return useMemo(() => recordsQueryOf(new URLSearchParams(search)), [search]);
}

/** The records table: sortable by time, filterable, paginated; two ticked rows can be compared. */
function RecordsTable({ projectName, containers, records }: { projectName: string; containers: Container[]; records: ReturnType<typeof useProjectRecords> }) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<string[]>([]);
  const query = useRecordsQuery();
  const sort = query.sort ?? 'created';
  const order = query.order ?? 'desc';
  const status = query.status ?? '';
  const limit = query.limit ?? 25;
  const q = params.get('q') ?? '';
  const tag = params.get('tag') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const { id: projectId = '' } = useParams();
  // The worksheet's columns read up to a thousand records: asked for once the table's own page has
  // answered, so that they never hold it up on the services.
  const paths = useProjectPaths(projectId, !records.isPending);
  const columns = columnsOf(params);
  const where = query.where ?? '';

  const set = useCallback((changes: Record<string, string | number | null>) => setParams((current) => withParams(current, changes)), [setParams]);
  const setQuery = useCallback((value: string) => set({ q: value }), [set]);
  const filtered = Boolean(status || q || tag || from || to || where);

  const toggle = (id: string) => setSelected((current) => (current.includes(id) ? current.filter((item) => item !== id) : [...current.slice(-1), id]));
  const sortHeader = (field: 'created' | 'updated', label: string) => {
    const active = sort === field;
    return (
      <th aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'} className={field === 'updated' ? 'hide-narrow' : undefined}>
        <button type="button" className={`sort ${active ? 'sort-active' : ''}`} onClick={() => set({ sort: field, order: active && order === 'desc' ? 'asc' : 'desc' })}>
          {label}
          {active ? <ChevronIcon up={order === 'asc'} /> : null}
        </button>
      </th>
    );
  };

  return (
    <section className="records-section">
      <div className="filters">
        <FilterInput value={q} onChange={setQuery} placeholder="Label, reason, outcome, tag" label="Search records" />
        <select className="input" aria-label="Status" value={status} onChange={(event) => set({ status: event.target.value })}>
          <option value="">Any status</option>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <input className="input filter-tag" aria-label="Tag" placeholder="Tag" defaultValue={tag} onBlur={(event) => set({ tag: event.target.value.trim() })} onKeyDown={(event) => event.key === 'Enter' && set({ tag: event.currentTarget.value.trim() })} />
        <label className="filter-date">
          <span>From</span>
          <input className="input" type="date" value={from} onChange={(event) => set({ from: event.target.value })} />
        </label>
        <label className="filter-date">
          <span>To</span>
          <input className="input" type="date" value={to} onChange={(event) => set({ to: event.target.value })} />
        </label>
        {filtered ? (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => set({ status: null, q: null, tag: null, from: null, to: null, where: null })}>
            Clear filters
          </button>
        ) : null}
      </div>
      <WorksheetBar projectId={projectId} paths={paths.data} query={query} columns={columns} set={set} />
      <div className="selection-bar" aria-live="polite">
        {selected.length === 2 ? (
          <>
            <span>Two records ticked.</span>
            <button type="button" className="btn btn-primary btn-small" onClick={() => void navigate(`/compare/${selected[0]}/${selected[1]}`)}>
              <CompareIcon /> Compare them
            </button>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setSelected([])}>
              Clear
            </button>
          </>
        ) : (
          <span className="muted small">{selected.length === 1 ? 'Tick one more record to compare the two.' : 'Tick two records to compare them.'}</span>
        )}
      </div>
      {records.isError ? <ErrorBox error={records.error} onRetry={() => void records.refetch()} /> : null}
      <div className={`table-wrap ${records.isFetching && !records.isPending ? 'is-refreshing' : ''}`}>
        <table className="table records-table" data-testid="records-table">
          <thead>
            <tr>
              <th className="col-check">
                <span className="sr-only">Compare</span>
              </th>
              <th>Label</th>
              <th>Status</th>
              {sortHeader('created', 'Created')}
              {sortHeader('updated', 'Updated')}
              <th className="hide-narrow">Container</th>
              <th className="hide-narrow">Tags</th>
              {columns.map((path) => (
                <PathHeader key={path} path={path} sort={sort} onSort={(next) => set({ sort: next, order: null })} />
              ))}
            </tr>
          </thead>
          <tbody>
            {records.isPending ? <SkeletonRows rows={8} columns={7 + columns.length} /> : null}
            {records.data?.data.map((record) => (
              <tr key={record.id} className={selected.includes(record.id) ? 'row-selected' : undefined}>
                <td className="col-check">
                  <input type="checkbox" aria-label={`Select ${record.label} to compare`} checked={selected.includes(record.id)} onChange={() => toggle(record.id)} />
                </td>
                <td className="col-label">
                  <Link to={`/records/${record.id}`} className="strong-link">
                    {record.label}
                  </Link>
                </td>
                <td>
                  <StatusBadge status={record.status} />
                </td>
                <td className="nowrap">
                  <TimeAgo iso={record.created} />
                </td>
                <td className="nowrap hide-narrow">
                  <TimeAgo iso={record.updated} />
                </td>
                <td className="hide-narrow nowrap">{containerLabel(containers, record.container)}</td>
                <td className="hide-narrow">
                  <Tags tags={record.tags} max={3} />
                </td>
                <PathCells record={record} columns={columns} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {records.data && records.data.data.length === 0 ? (
        <Empty title={filtered ? 'No record matches these filters' : 'No records yet'}>
          {filtered ? null : (
            <>
              Record a run with <code>reprise run --project {projectName || 'NAME'} -- your command</code>, or by hand.
            </>
          )}
        </Empty>
      ) : null}
      <div className="table-footer">
        <label className="page-size">
          <span className="muted small">Per page</span>
          <select className="input input-small" value={limit} onChange={(event) => set({ limit: Number(event.target.value) })}>
            {[10, 25, 50, 100].map((size) => (
              <option key={size}>{size}</option>
            ))}
          </select>
        </label>
        <Pager next={records.data?.page.next} count={records.data?.data.length ?? 0} loading={records.isFetching} />
      </div>
      <ScatterPanel projectId={projectId} paths={paths.data} query={query} x={params.get('x') ?? ''} y={params.get('y') ?? ''} set={set} />
    </section>
  );
}

function StatusSummary({ project }: { project: ProjectDetail }) {
  const entries = Object.entries(project.counts.byStatus).filter(([, count]) => count > 0);
  const total = project.counts.records;
  if (total === 0) return null;
  return (
    <div className="status-summary" aria-label="Records by status">
      <div className="status-bar">
        {entries.map(([status, count]) => (
          // A style property set through the DOM (CSSOM), which the CSP allows, unlike style attributes in markup.
          <span key={status} className={`status-bar-part status-fill-${status}`} style={{ flexGrow: count }} title={`${count} ${status}`} />
        ))}
      </div>
      <ul className="status-legend">
        {entries.map(([status, count]) => (
          <li key={status}>
            <StatusBadge status={status as RecordStatus} /> <span className="muted">{formatCount(count)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The project page. The records request starts with the project's, so the table does not wait for it. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const tab = oneOf(params.get('tab'), ['records', 'containers'] as const, 'records');
  const project = useProject(id);
  const records = useProjectRecords(id, useRecordsQuery(), tab === 'records');
  const me = useMe();
  const { editProject } = useWrites();
  useTitle(project.data?.name ?? 'Project');
  if (project.isError) return isNotFound(project.error) ? <NotFoundPage what="project" /> : <ErrorBox error={project.error} onRetry={() => void project.refetch()} />;
  if (project.isPending) {
    // The table sits where it will stay once the project has answered (the same place in the
    // tree): it is not mounted again then, so its filters keep what was typed and its requests
    // are not cancelled and sent again.
    return (
      <div className="page" aria-busy="true">
        <header className="page-header">
          <div className="page-header-main">
            <span className="skeleton skeleton-title" />
            <span className="skeleton skeleton-line" />
          </div>
        </header>
        {null}
        <div className="project-layout">
          <div className="project-main">
            {null}
            {null}
            {null}
            {tab === 'records' ? <RecordsTable projectName="" containers={[]} records={records} /> : <Loading />}
          </div>
        </div>
      </div>
    );
  }
  const data = project.data;
  const mine = canChange(me.data?.id, { owner: data.owner.id });

  return (
    <div className="page">
      <PageHeader
        eyebrow={
          <>
            <Link to={mine ? '/projects' : '/explore'}>{mine ? 'My projects' : 'Explore'}</Link> / {data.owner.name}
          </>
        }
        title={
          <>
            {data.name} <PrivacyBadge private={data.private} />
          </>
        }
        meta={
          <>
            {plural(data.counts.records, 'record')} · {plural(data.counts.containers, 'container version')} · created <TimeAgo iso={data.created} /> · active{' '}
            <TimeAgo iso={data.activity ?? data.updated} />
          </>
        }
        actions={
          mine ? (
            <>
              <ConfirmButton
                tone="primary"
                className="btn-outline"
                label={data.private ? 'Make public' : 'Make private'}
                title={data.private ? `Make “${data.name}” public?` : `Make “${data.name}” private?`}
                confirmLabel={data.private ? 'Make public' : 'Make private'}
                onConfirm={() => editProject.mutateAsync({ id: data.id, body: { private: !data.private } })}
              >
                {data.private ? (
                  <p>Everyone will be able to see the project, its {plural(data.counts.records, 'record')}, their files and container history, and to send you diff requests.</p>
                ) : (
                  <p>The project, its records and containers disappear for everyone else at once. Diff requests already made stay, without showing your records.</p>
                )}
              </ConfirmButton>
              {data.private ? <ShareWithReviewers target={{ project: data.id }} /> : null}
              <Link to={`/projects/${data.id}/edit`} className="btn">
                Edit
              </Link>
              <Link to={`/projects/${data.id}/records/new`} className="btn btn-primary">
                <PlusIcon /> New record
              </Link>
            </>
          ) : null
        }
      />
      <ExportButtons kind="project" id={data.id} />
      <div className="project-layout">
        <div className="project-main">
          {data.description || data.goals ? (
            <section className="card prose">
              {data.description ? <p className="project-description">{data.description}</p> : null}
              {data.goals ? (
                <>
                  <h2 className="subhead">Goals</h2>
                  <p>{data.goals}</p>
                </>
              ) : null}
              <Tags tags={data.tags} max={20} />
            </section>
          ) : mine ? (
            <section className="card">
              <p className="muted">
                No description or goals yet. <Link to={`/projects/${data.id}/edit`}>Describe the project</Link> so that others know what its records show.
              </p>
            </section>
          ) : null}
          <StatusSummary project={data} />
          <Tabs
            current={tab}
            tabs={[
              { id: 'records', label: `Records (${formatCount(data.counts.records)})` },
              { id: 'containers', label: `Container history (${data.counts.containers})` },
            ]}
          />
          {tab === 'records' ? <RecordsTable projectName={data.name} containers={data.containers} records={records} /> : <ContainerTimeline project={data} />}
        </div>
        <aside className="project-side">
          <Reproducibility project={data} />
          <section className="card">
            <h2 className="card-title">Use it from a tool</h2>
            <p className="muted small">{mine ? 'Push records to this project with the CLI:' : 'Read this public project with the CLI by its id:'}</p>
            <CodeBlock code={mine ? `reprise run --project ${data.name} -- python simulate.py` : `reprise project pull ${data.id}`} label="command" />
          </section>
        </aside>
      </div>
    </div>
  );
}
