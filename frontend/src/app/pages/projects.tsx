/** The signed-in user's projects, and public ones, with search and paging. */
import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useProjectList } from '../api/hooks';
import { FilterInput } from '../components/filter-input';
import { PlusIcon } from '../components/icons';
import { ProjectCard } from '../components/lists';
import { Empty, ErrorBox, PageHeader, Pager, Tabs } from '../components/ui';
import { oneOf, withParams } from '../lib/params';
import { useTitle } from '../lib/title';

/** The projects page. */
export function ProjectsPage() {
  useTitle('Projects');
  const [params, setParams] = useSearchParams();
  const scope = oneOf(params.get('tab'), ['mine', 'public'] as const, 'mine');
  const q = params.get('q') ?? '';
  const cursor = params.get('cursor') ?? undefined;
  const list = useProjectList(scope, { ...(q ? { q } : {}), ...(cursor ? { cursor } : {}), limit: 24 });
  const setQuery = useCallback((value: string) => setParams((current) => withParams(current, { q: value })), [setParams]);

  return (
    <div className="page">
      <PageHeader
        title="Projects"
        meta="Projects hold the records of one piece of research and the history of its environment."
        actions={
          <Link to="/projects/new" className="btn btn-primary">
            <PlusIcon /> New project
          </Link>
        }
      />
      <Tabs
        current={scope}
        tabs={[
          { id: 'mine', label: 'My projects' },
          { id: 'public', label: 'Public projects' },
        ]}
      />
      <div className="filters">
        <FilterInput value={q} onChange={setQuery} placeholder="Search by name, description or goals" label="Search projects" />
      </div>
      {list.isError ? <ErrorBox error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.data.length === 0 ? (
        q ? (
          <Empty title="No project matches">Try other words.</Empty>
        ) : scope === 'mine' ? (
          <Empty
            title="You have no projects yet"
            action={
              <Link to="/projects/new" className="btn btn-primary">
                Create a project
              </Link>
            }
          >
            Tools create projects when they push to one (<code>reprise project push NAME</code>), or create one here by hand.
          </Empty>
        ) : (
          <Empty title="No public projects yet" />
        )
      ) : (
        <div className={`card-grid ${list.isFetching && !list.isPending ? 'is-refreshing' : ''}`}>
          {list.isPending
            ? Array.from({ length: 6 }, (_, i) => <div key={i} className="project-card skeleton-card" aria-hidden="true" />)
            : list.data?.data.map((project) => <ProjectCard key={project.id} project={project} />)}
        </div>
      )}
      <Pager next={list.data?.page.next} count={list.data?.data.length ?? 0} loading={list.isFetching} />
    </div>
  );
}
