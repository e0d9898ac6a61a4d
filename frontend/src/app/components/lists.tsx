/** Lists shared by several pages: project cards, record tables, diff request rows. */
import type { DiffRequestSummary, Project, RecordSummary } from '@reprise/sdk';
import { Link } from 'react-router';
import { cloud } from '../api/client';
import { ArrowRightIcon } from './icons';
import { DiffStatusBadge, PrivacyBadge, PropositionBadge, SkeletonRows, StatusBadge, Tags, TimeAgo } from './ui';

/** A project as a card: name, owner, description, tags, badge. */
export function ProjectCard({ project, showBadge = true }: { project: Project; showBadge?: boolean }) {
  return (
    <article className="project-card">
      <header className="project-card-header">
        <Link to={`/projects/${project.id}`} className="project-card-name">
          {project.name}
        </Link>
        <PrivacyBadge private={project.private} />
      </header>
      <p className="project-card-owner muted">by {project.owner.name}</p>
      <p className="project-card-description">{project.description || <span className="muted">No description yet.</span>}</p>
      <footer className="project-card-footer">
        <Tags tags={project.tags} max={3} />
        <span className="project-card-meta muted">
          Active <TimeAgo iso={project.activity ?? project.updated} />
        </span>
      </footer>
      {showBadge && !project.private ? <img className="project-card-badge" src={cloud.browse.badgeUrl(project.id)} alt="Reproducibility badge" loading="lazy" height={20} /> : null}
    </article>
  );
}

/** Records of several projects (home, search): label, project, status, owner, when. */
export function RecordTable({ records, loading, showProject = true }: { records: RecordSummary[] | undefined; loading?: boolean; showProject?: boolean }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>Record</th>
            {showProject ? <th>Project</th> : null}
            <th>Status</th>
            <th className="hide-narrow">Owner</th>
            <th>Updated</th>
          </tr>
        </thead>
        <tbody>
          {loading && !records ? <SkeletonRows rows={5} columns={showProject ? 5 : 4} /> : null}
          {records?.map((record) => (
            <tr key={record.id}>
              <td>
                <Link to={`/records/${record.id}`} className="strong-link">
                  {record.label}
                </Link>
                <Tags tags={record.tags} max={2} />
              </td>
              {showProject ? (
                <td>
                  <Link to={`/projects/${record.project}`}>{record.projectName}</Link>
                </td>
              ) : null}
              <td>
                <StatusBadge status={record.status} />
              </td>
              <td className="hide-narrow">{record.owner.name}</td>
              <td className="nowrap">
                <TimeAgo iso={record.updated} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RecordRefLink({ side }: { side: DiffRequestSummary['from'] }) {
  if (!side.visible) return <span className="muted">a private record</span>;
  return (
    <span className="ref">
      <Link to={`/records/${side.id}`} className="strong-link">
        {side.label}
      </Link>
      <span className="muted"> in {side.projectName}</span>
    </span>
  );
}

/** Diff requests as rows: proposition, the two records, who, status, when. */
export function DiffList({ requests, box }: { requests: DiffRequestSummary[]; box: 'inbox' | 'outbox' }) {
  return (
    <ul className="diff-list">
      {requests.map((request) => (
        <li key={request.id} className="diff-row">
          <Link to={`/requests/${request.id}`} className="diff-row-link" aria-label={`Request ${request.proposition} from ${request.sender.name}`}>
            <span className="sr-only">Open</span>
          </Link>
          <div className="diff-row-main">
            <div className="diff-row-title">
              <PropositionBadge proposition={request.proposition} />
              <RecordRefLink side={request.from} />
              <ArrowRightIcon />
              <RecordRefLink side={request.toward} />
            </div>
            <div className="diff-row-meta muted">
              {box === 'inbox' ? <>from {request.sender.name}</> : <>to {request.targetOwner.name}</>} · method {request.method} · <TimeAgo iso={request.created} />
            </div>
          </div>
          <DiffStatusBadge status={request.status} />
        </li>
      ))}
    </ul>
  );
}
