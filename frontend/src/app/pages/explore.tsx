/** Search across public projects and records. */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useProjectList, usePublicRecords } from '../api/hooks';
import { FilterInput } from '../components/filter-input';
import { ProjectCard, RecordTable } from '../components/lists';
import { Empty, ErrorBox, PageHeader, Pager, Tabs } from '../components/ui';
import { oneOf, withParams } from '../lib/params';
import { useTitle } from '../lib/title';

const STATUSES = ['', 'finished', 'running', 'crashed', 'aborted', 'started', 'paused', 'scheduled', 'unknown'] as const;

/** The explore page: public projects or records, searched. */
export function ExplorePage() {
  const [params, setParams] = useSearchParams();
  const tab = oneOf(params.get('tab'), ['projects', 'records'] as const, 'projects');
  const q = params.get('q') ?? '';
  const tag = params.get('tag') ?? '';
  const status = oneOf(params.get('status'), STATUSES, '');
  const cursor = params.get('cursor') ?? undefined;
  useTitle(q ? `“${q}”` : 'Explore');
  const query = { ...(q ? { q } : {}), ...(tag ? { tag } : {}), ...(cursor ? { cursor } : {}), limit: 24 };
  const projects = useProjectList('public', query, tab === 'projects');
  const records = usePublicRecords({ ...query, ...(status ? { status } : {}), limit: 25 }, tab === 'records');
  const setQuery = useCallback((value: string) => setParams((current) => withParams(current, { q: value })), [setParams]);
  const current = tab === 'projects' ? projects : records;

  return (
    <div className="page">
      <PageHeader title="Explore" meta="Public projects and records, most recently active first." />
      <Tabs
        current={tab}
        tabs={[
          { id: 'projects', label: 'Projects' },
          { id: 'records', label: 'Records' },
        ]}
      />
      <div className="filters">
        <FilterInput value={q} onChange={setQuery} placeholder={tab === 'projects' ? 'Name, description, goals…' : 'Label, reason, outcome, tag…'} label="Search" />
        <input
          key={tag}
          className="input filter-tag"
          defaultValue={tag}
          placeholder="Tag"
          aria-label="Tag"
          onBlur={(event) => setParams((currentParams) => withParams(currentParams, { tag: event.target.value.trim() }))}
          onKeyDown={(event) => event.key === 'Enter' && setParams((currentParams) => withParams(currentParams, { tag: event.currentTarget.value.trim() }))}
        />
        {tab === 'records' ? (
          <select className="input" aria-label="Status" value={status} onChange={(event) => setParams((currentParams) => withParams(currentParams, { status: event.target.value }))}>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {value === '' ? 'Any status' : value}
              </option>
            ))}
          </select>
        ) : null}
      </div>
      {current.isError ? <ErrorBox error={current.error} onRetry={() => void current.refetch()} /> : null}
      {tab === 'projects' ? (
        projects.data && projects.data.data.length === 0 ? (
          <Empty title={q || tag ? 'No public project matches' : 'No public projects yet'}>{q || tag ? 'Try other words, or clear the filters.' : null}</Empty>
        ) : (
          <div className={`card-grid ${projects.isFetching && !projects.isPending ? 'is-refreshing' : ''}`}>
            {projects.isPending
              ? Array.from({ length: 6 }, (_, i) => <div key={i} className="project-card skeleton-card" aria-hidden="true" />)
              : projects.data?.data.map((project) => <ProjectCard key={project.id} project={project} />)}
          </div>
        )
      ) : records.data && records.data.data.length === 0 ? (
        <Empty title={q || tag || status ? 'No public record matches' : 'No public records yet'} />
      ) : (
        <RecordTable records={records.data?.data} loading={records.isPending} />
      )}
      <Pager next={current.data?.page.next} count={current.data?.data.length ?? 0} loading={current.isFetching} />
    </div>
  );
}
