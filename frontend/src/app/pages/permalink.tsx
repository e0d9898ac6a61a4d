/**
 * A record's permanent link, `/r/<id>`: the record page itself, or, when the record cannot be
 * shown (private, deleted, or never there), a page that says so. It never shows anything else,
 * so a link printed in a paper keeps meaning the record it was made for.
 */
import { Link, useParams } from 'react-router';
import { ApiError } from '@reprise/sdk';
import { useRecord } from '../api/hooks';
import { useTitle } from '../lib/title';
import { RecordPage } from './record';

function Unavailable({ id }: { id: string }) {
  useTitle('Record not available');
  return (
    <div className="not-found" data-permalink="unavailable">
      <p className="not-found-code">404</p>
      <h1>This record is private or has been deleted</h1>
      <p className="muted">
        The permanent link <code>/r/{id}</code> names one record only. Its owner has made it private or deleted it (or the link is mistyped); sign in
        with the owner’s account to see a private record.
      </p>
      <div className="not-found-actions">
        <Link className="btn" to="/explore">
          Explore public projects
        </Link>
      </div>
    </div>
  );
}

/** The page of `/r/<id>`. */
export function PermalinkPage() {
  const { id = '' } = useParams();
  const record = useRecord(id);
  // A malformed id is as unavailable as a missing one: the link never leads anywhere else.
  if (record.isError && record.error instanceof ApiError && record.error.status >= 400 && record.error.status < 500) return <Unavailable id={id} />;
  return <RecordPage />;
}
