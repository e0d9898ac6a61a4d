/** The public home: what Reprise is, search, the latest public projects and records; a summary when signed in. */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useDashboard, useMe, useProjectList, usePublicRecords } from '../api/hooks';
import { SearchIcon } from '../components/icons';
import { DiffList, ProjectCard, RecordTable } from '../components/lists';
import { Empty, ErrorBox } from '../components/ui';
import { CELL_INFO, COLUMNS, cellAt } from '@reprise/rules';
import { useTitle } from '../lib/title';

function SearchBox({ large = false }: { large?: boolean }) {
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(`/explore?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form role="search" className={`search ${large ? 'search-large' : ''}`} onSubmit={submit}>
      <SearchIcon />
      <input className="search-input" type="search" name="q" value={q} onChange={(event) => setQ(event.target.value)} placeholder="Search public projects and records" aria-label="Search public projects and records" />
      <button type="submit" className="btn btn-primary">
        Search
      </button>
    </form>
  );
}

/** The assessment table as a small figure: what a comparison can conclude. */
function TableFigure() {
  return (
    <figure className="table-figure">
      <table className="assessment-table">
        <caption>The assessment table: code &amp; inputs × outputs</caption>
        <thead>
          <tr>
            <th scope="col">outputs</th>
            {COLUMNS.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(['same', 'different'] as const).map((row) => (
            <tr key={row}>
              <th scope="row">{row}</th>
              {COLUMNS.map((column) => {
                const cell = cellAt(row, column);
                return (
                  <td key={column} className={`cell cell-${cell}`}>
                    {CELL_INFO[cell].label.toLowerCase()}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Welcome() {
  const dashboard = useDashboard(true);
  const counts = dashboard.data?.counts;
  return (
    <section className="welcome">
      <div className="stats">
        <Link to="/projects" className="stat">
          <span className="stat-value">{counts?.projects ?? '–'}</span>
          <span className="stat-label">projects</span>
        </Link>
        <div className="stat">
          <span className="stat-value">{counts?.records ?? '–'}</span>
          <span className="stat-label">records</span>
        </div>
        <Link to="/requests?box=inbox&status=proposed" className="stat">
          <span className="stat-value">{counts?.inboxOpen ?? '–'}</span>
          <span className="stat-label">requests to answer</span>
        </Link>
        <Link to="/requests?box=outbox&status=proposed" className="stat">
          <span className="stat-value">{counts?.outboxOpen ?? '–'}</span>
          <span className="stat-label">requests sent, open</span>
        </Link>
      </div>
      {dashboard.isError ? <ErrorBox error={dashboard.error} /> : null}
      {dashboard.data && dashboard.data.openInbox.length > 0 ? (
        <div className="welcome-inbox">
          <h2 className="section-title">Waiting for your answer</h2>
          <DiffList requests={dashboard.data.openInbox.slice(0, 5)} box="inbox" />
        </div>
      ) : null}
      {dashboard.data && dashboard.data.recentRecords.length > 0 ? (
        <div className="welcome-records">
          <h2 className="section-title">Your recent records</h2>
          <RecordTable records={dashboard.data.recentRecords.slice(0, 5)} />
        </div>
      ) : null}
    </section>
  );
}

/** The home page. */
export function HomePage() {
  useTitle(null);
  const me = useMe();
  const projects = useProjectList('public', { limit: 6 });
  const records = usePublicRecords({ limit: 8 });
  return (
    <div className="home">
      {me.data ? (
        <section className="home-head">
          <h1>Welcome back, {me.data.name}</h1>
          <SearchBox />
          <Welcome />
        </section>
      ) : (
        <section className="hero">
          <div className="hero-text">
            <p className="eyebrow">Reproducible research, checked</p>
            <h1>Every run recorded. Every claim backed by evidence.</h1>
            <p className="lead">
              Reprise keeps a <strong>record</strong> of each execution of your simulations and analyses — program, parameters, inputs, outputs, dependencies, host and container — and lets
              scientists ask each other to confirm that a run was <strong>repeated</strong> or <strong>reproduced</strong>. The platform compares the records and accepts only claims the
              evidence supports.
            </p>
            <div className="hero-actions">
              <Link to="/signup" className="btn btn-primary btn-large">
                Create an account
              </Link>
              <Link to="/explore" className="btn btn-large">
                Explore public projects
              </Link>
            </div>
            <SearchBox large />
          </div>
          <div className="hero-figure">
            <TableFigure />
            <ol className="hero-steps">
              <li>
                <strong>Record</strong> runs from your tool with the <code>reprise</code> CLI, the SDK, Sumatra or plain HTTP.
              </li>
              <li>
                <strong>Compare</strong> two records: code, inputs and outputs side by side.
              </li>
              <li>
                <strong>Ask</strong> the other record's owner to agree — and earn a reproducibility badge.
              </li>
            </ol>
          </div>
        </section>
      )}

      <section className="home-section">
        <div className="section-head">
          <h2 className="section-title">Latest public projects</h2>
          <Link to="/explore" className="link-more">
            All projects →
          </Link>
        </div>
        {projects.isError ? <ErrorBox error={projects.error} onRetry={() => void projects.refetch()} /> : null}
        {projects.isPending ? (
          <div className="card-grid">
            {Array.from({ length: 3 }, (_, i) => (
              <div key={i} className="project-card skeleton-card" aria-hidden="true" />
            ))}
          </div>
        ) : projects.data && projects.data.data.length === 0 ? (
          <Empty title="No public projects yet">Projects are private until their owner publishes them.</Empty>
        ) : (
          <div className="card-grid">
            {projects.data?.data.map((project) => (
              <ProjectCard key={project.id} project={project} />
            ))}
          </div>
        )}
      </section>

      <section className="home-section">
        <div className="section-head">
          <h2 className="section-title">Latest public records</h2>
          <Link to="/explore?tab=records" className="link-more">
            All records →
          </Link>
        </div>
        {records.isError ? <ErrorBox error={records.error} onRetry={() => void records.refetch()} /> : null}
        {records.data && records.data.data.length === 0 ? <Empty title="No public records yet" /> : <RecordTable records={records.data?.data} loading={records.isPending} />}
      </section>
    </div>
  );
}
