/** The frame of every page: the top bar with navigation and the account menu, and the footer. */
import { useEffect, useState, type ReactNode } from 'react';
import { Link, NavLink, Navigate, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { useDashboard, useMe, useSession } from '../api/hooks';
import { useUnreadCount } from '../api/notifications';
import { Logo, MenuIcon } from './icons';
import { ErrorBox, Loading } from './ui';

function NavItem({ to, children, end }: { to: string; children: ReactNode; end?: boolean }) {
  return (
    <NavLink to={to} end={end} className={({ isActive }) => `nav-link ${isActive ? 'nav-link-active' : ''}`}>
      {children}
    </NavLink>
  );
}

/** The app's frame. */
export function Layout() {
  const me = useMe();
  const signedIn = Boolean(me.data);
  const dashboard = useDashboard(signedIn);
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const navigation = useNavigation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const inbox = dashboard.data?.counts.inboxOpen ?? 0;
  const unread = useUnreadCount(signedIn).data ?? 0;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand" aria-label="Reprise home">
            <Logo />
            <span className="brand-name">Reprise</span>
          </Link>
          <button type="button" className="menu-toggle btn btn-ghost" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen((open) => !open)}>
            <MenuIcon />
            <span className="sr-only">Menu</span>
          </button>
          <nav id="main-nav" className={`main-nav ${menuOpen ? 'main-nav-open' : ''}`} aria-label="Main">
            <NavItem to="/explore">Explore</NavItem>
            {signedIn ? (
              <>
                <NavItem to="/projects">Projects</NavItem>
                <NavItem to="/reproductions">Reproductions</NavItem>
                <NavItem to="/requests">
                  Requests
                  {inbox > 0 ? (
                    <span className="nav-count" aria-label={`${inbox} waiting for your answer`}>
                      {inbox}
                    </span>
                  ) : null}
                </NavItem>
                <NavItem to="/notifications">
                  Notifications
                  {unread > 0 ? (
                    <span className="nav-count" data-testid="unread-count" aria-label={`${unread} unread`}>
                      {unread}
                    </span>
                  ) : null}
                </NavItem>
              </>
            ) : null}
            <span className="nav-spacer" />
            {me.isPending ? null : signedIn ? (
              <div className="account-nav">
                <NavItem to="/account">
                  <span className="avatar" aria-hidden="true">
                    {(me.data?.name ?? '?').trim().charAt(0).toUpperCase()}
                  </span>
                  <span className="account-name">{me.data?.name}</span>
                </NavItem>
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() =>
                    signOut.mutate(undefined, {
                      onSuccess: () => {
                        void navigate('/');
                      },
                    })
                  }
                  disabled={signOut.isPending}
                >
                  Sign out
                </button>
              </div>
            ) : (
              <div className="account-nav">
                <NavItem to="/signin">Sign in</NavItem>
                <Link to="/signup" className="btn btn-primary btn-small">
                  Sign up
                </Link>
              </div>
            )}
          </nav>
        </div>
        {navigation.state === 'loading' ? <div className="progress-bar" aria-hidden="true" /> : null}
      </header>
      <main id="main" className="main">
        {signOut.isError ? <ErrorBox error={signOut.error} title="Signing out failed" /> : null}
        <Outlet />
      </main>
      <footer className="footer">
        <div className="footer-inner">
          <span>
            <strong>Reprise</strong> · a cloud of reproducible records
          </span>
          <span className="footer-links">
            <a href="/api/docs">API documentation</a>
            <Link to="/explore">Public projects</Link>
          </span>
        </div>
      </footer>
    </div>
  );
}

/** Renders its children for a signed-in user; sends anyone else to sign in, and back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorBox error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
