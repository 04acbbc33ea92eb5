/** The frame of every page: the bar with the session, the navigation the user's role allows, the alarm banner, the content. */
import type { ReactNode } from 'react';
import { signOut, SIGNED_OUT } from '../api/session';
import { AlarmFeedProvider } from '../lib/alarm-feed';
import { Link, navigate, useLocation } from '../lib/router';
import { AlarmBanner } from './alarm-banner';
import { NAV, sectionOf } from './nav';
import { allows, useSession } from './session';

function SessionBar() {
  const { session, loading, setSession } = useSession();
  async function handleSignOut() {
    await signOut().catch(() => undefined);
    setSession(SIGNED_OUT);
    navigate('/login');
  }
  if (loading) return null;
  if (session.state === 'open') return <span className="who" title="The hub has no sign-in yet and listens on this machine only.">Open hub · loopback only</span>;
  if (session.state === 'signed-out') return <Link to="/login">Sign in</Link>;
  return (
    <span className="who">
      {session.username}
      {session.roles.length ? ` (${session.roles.join(', ')})` : ''}{' '}
      <button type="button" className="link" onClick={() => void handleSignOut()}>
        Sign out
      </button>
    </span>
  );
}

function SideNav() {
  const { session } = useSession();
  const { path } = useLocation();
  const current = sectionOf(path);
  return (
    <nav className="sidenav" aria-label="Console">
      <ul>
        {NAV.filter((item) => allows(session, item.needs)).map((item) => (
          <li key={item.path}>
            <Link to={item.path} aria-current={current?.path === item.path ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  return (
    <AlarmFeedProvider>
      <div className="shell">
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <header className="topbar">
          <Link to="/" className="brand" aria-label="Causeway overview">
            <img src="/favicon.svg" alt="" width="24" height="24" />
            Causeway
          </Link>
          <span className="spacer" />
          <SessionBar />
        </header>
        <SideNav />
        <main id="content" tabIndex={-1}>
          <AlarmBanner />
          {children}
        </main>
      </div>
    </AlarmFeedProvider>
  );
}
