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
  { path: '/alarms', label: 'Alarms', needs: ['read'] },
  { path: '/alarms/kpis', label: 'Alarm KPIs', needs: ['read'] },
  { path: '/writes', label: 'Writes', needs: ['write', 'approve'] },
  // Auditors (the audit log), administrators (users) and engineers who configure (certificates, zones).
  { path: '/security', label: 'Security', needs: ['audit', 'admin', 'configure'] },
  // The inventory: firmware versions and endpoints are for engineers and auditors, not viewers.
  { path: '/assets', label: 'Assets', needs: ['configure', 'audit'] },
  // Findings belong to engineers who fix them and to auditors who report them.
  { path: '/vulnerabilities', label: 'Vulnerabilities', needs: ['configure', 'audit'] },
];

/** The nav item a URL path belongs to: the longest that covers it (/alarms/kpis before /alarms). */
export function sectionOf(path: string): NavItem | undefined {
  const covers = (n: NavItem) => (n.path === '/' ? path === '/' : path === n.path || path.startsWith(`${n.path}/`));
  return NAV.filter(covers).sort((a, b) => b.path.length - a.path.length)[0];
}
