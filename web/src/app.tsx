/** The console: the session, the frame, and the page for the URL (once the session is known). */
import { useEffect, type ComponentType } from 'react';
import { Shell } from './components/shell';
import { NAV, sectionOf } from './components/nav';
import { allows, SessionProvider, useSession } from './components/session';
import { navigate, useLocation } from './lib/router';
import { ProblemNotice } from './components/problem-notice';
import { AlarmsSection } from './pages/alarms/alarms-section';
import { AssetsPage } from './pages/assets/assets-page';
import { AlarmKpisPage } from './pages/alarm-kpis/alarm-kpis-page';
import { ConnectionsPage } from './pages/connections/connections-page';
import { LoginPage } from './pages/login-page';
import { NamespacePage } from './pages/namespace/namespace-page';
import { NotFoundPage } from './pages/not-found-page';
import { OverviewPage } from './pages/overview/overview-page';
import { ProductionPage } from './pages/production/production-page';
import { SecurityPage } from './pages/security/security-page';
import { SetupPage } from './pages/setup-page';
import { TrendsPage } from './pages/trends/trends-page';
import { VulnerabilitiesPage } from './pages/vulnerabilities/vulnerabilities-page';
import { WritesPage } from './pages/writes/writes-page';

const PAGES: Record<string, ComponentType> = {
  '/': OverviewPage,
  '/namespace': NamespacePage,
  '/trends': TrendsPage,
  '/connections': ConnectionsPage,
  '/production': ProductionPage,
  '/alarms': AlarmsSection,
  '/alarms/kpis': AlarmKpisPage,
  '/writes': WritesPage,
  '/security': SecurityPage,
  '/assets': AssetsPage,
  '/vulnerabilities': VulnerabilitiesPage,
};

const TITLES = Object.fromEntries(NAV.map((n) => [n.path, n.label]));

/** Signed out on a page of the console: the sign-in page, which comes back here after. */
function useSignInFirst(): void {
  const { path, query } = useLocation();
  const { session, loading, error } = useSession();
  const away = !loading && !error && session.state === 'signed-out' && path !== '/login' && path !== '/setup';
  const search = query.toString();
  const back = search ? `${path}?${search}` : path;
  useEffect(() => {
    if (away) navigate(`/login?next=${encodeURIComponent(back)}`, true);
  }, [away, back]);
}

function CurrentPage() {
  const { path } = useLocation();
  const { session, loading, error, refresh } = useSession();
  useSignInFirst();
  // No page mounts (and so nothing polls or opens a socket) before the hub has said who this is.
  if (loading) return <p className="muted" role="status">Loading…</p>;
  if (error) {
    return (
      <>
        <h1>Causeway</h1>
        <ProblemNotice error={error} context="The console cannot start" />
        <button type="button" onClick={refresh}>
          Try again
        </button>
      </>
    );
  }
  if (path === '/login') return <LoginPage />;
  if (path === '/setup') return <SetupPage />;
  if (session.state === 'signed-out') return <LoginPage />;
  const section = sectionOf(path);
  const Page = section ? PAGES[section.path] : undefined;
  if (!section || !Page) return <NotFoundPage />;
  if (!allows(session, section.needs)) return <NotFoundPage reason={`Your role does not include ${section.label}.`} />;
  return <Page />;
}

function DocumentTitle() {
  const { path } = useLocation();
  const section = sectionOf(path);
  useEffect(() => {
    const name = path === '/login' ? 'Sign in' : path === '/setup' ? 'First-run setup' : section ? TITLES[section.path] : 'Not found';
    document.title = `${name} · Causeway`;
  }, [path, section]);
  return null;
}

export function App() {
  return (
    <SessionProvider>
      <DocumentTitle />
      <Shell>
        <CurrentPage />
      </Shell>
    </SessionProvider>
  );
}
