import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { messageOf } from '../api/client';
import { useTitle } from '../lib/title';

/** What a missing page (or a private one, which looks the same to others) shows. */
export function NotFoundPage({ what = 'page' }: { what?: string }) {
  useTitle('Not found');
  return (
    <div className="not-found">
      <p className="not-found-code">404</p>
      <h1>This {what} does not exist, or it is private</h1>
      <p className="muted">Private projects and records are visible only to their owner. Check the address, or sign in with the account that owns it.</p>
      <div className="not-found-actions">
        <Link className="btn btn-primary" to="/explore">
          Explore public projects
        </Link>
        <Link className="btn" to="/">
          Home
        </Link>
      </div>
    </div>
  );
}

/** A page that failed to load or render. */
export function RouteError() {
  const error = useRouteError();
  useTitle('Error');
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const chunkFailed = error instanceof TypeError && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <div className="not-found">
      <h1>{chunkFailed ? 'The dashboard was updated' : 'This page failed'}</h1>
      <p className="muted">{chunkFailed ? 'Reload the page to get the new version.' : messageOf(error)}</p>
      <div className="not-found-actions">
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          Reload
        </button>
        <Link className="btn" to="/">
          Home
        </Link>
      </div>
    </div>
  );
}
