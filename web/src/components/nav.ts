/** The console's pages, and what a user needs to see each. */
import type { Permission } from '../api/session';

export interface NavItem {
  path: string;
  label: string;
  /** Any one of these; none means everyone signed in. */
  needs?: readonly Permission[];
}

export const NAV: readonly NavItem[] = [
  { path: '/', label: 'Overview', needs: ['read'] },
  { path: '/namespace', label: 'Namespace', needs: ['read'] },
  { path: '/trends', label: 'Trends', needs: ['read'] },
  { path: '/connections', label: 'Connections', needs: ['read'] },
  { path: '/production', label: 'Production', needs: ['read'] },
  { path: '/alarms/kpis', label: 'Alarm KPIs', needs: ['read'] },
  { path: '/writes', label: 'Writes', needs: ['write', 'approve'] },
  // Auditors (the audit log), administrators (users) and engineers who configure (certificates, zones).
  { path: '/security', label: 'Security', needs: ['audit', 'admin', 'configure'] },
];

/** The nav item a URL path belongs to. */
export function sectionOf(path: string): NavItem | undefined {
  return NAV.find((n) => (n.path === '/' ? path === '/' : path === n.path || path.startsWith(`${n.path}/`)));
}
