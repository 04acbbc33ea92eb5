/** The console: the session, the frame, and the page for the URL. */
import { useEffect, type ComponentType } from 'react';
import { Shell } from './components/shell';
import { NAV, sectionOf } from './components/nav';
import { allows, SessionProvider, useSession } from './components/session';
import { useLocation } from './lib/router';
import { ConnectionsPage } from './pages/connections/connections-page';
import { LoginPage } from './pages/login-page';
import { NamespacePage } from './pages/namespace/namespace-page';
import { NotFoundPage } from './pages/not-found-page';
import { OverviewPage } from './pages/overview/overview-page';
import { ProductionPage } from './pages/production/production-page';
import { SecurityPage } from './pages/security/security-page';
import { SetupPage } from './pages/setup-page';
import { TrendsPage } from './pages/trends/trends-page';
import { WritesPage } from './pages/writes/writes-page';

const PAGES: Record<string, ComponentType> = {
  '/': OverviewPage,
  '/namespace': NamespacePage,
  '/trends': TrendsPage,
  '/connections': ConnectionsPage,
  '/production': ProductionPage,
  '/writes': WritesPage,
  '/security': SecurityPage,
};

const TITLES = Object.fromEntries(NAV.map((n) => [n.path, n.label]));

function CurrentPage() {
  const { path } = useLocation();
  const { session } = useSession();
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
