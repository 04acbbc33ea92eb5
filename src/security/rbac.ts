/**
 * Roles and permissions (pure). A user holds grants: a role, optionally limited to some zones
 * and/or namespace subtrees. A permission is granted for a target when a grant whose role carries
 * it covers the target's zone and path. An API token narrows its user's grants to its scopes.
 */
import { isUnder } from '../core/path.js';

export const PERMISSIONS = ['read', 'write', 'configure', 'approve', 'audit', 'admin'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['viewer', 'operator', 'ot-engineer', 'it-engineer', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do. Writes to machines are for operators and OT engineers; approval needs OT engineering. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: ['read'],
  operator: ['read', 'write'],
  'ot-engineer': ['read', 'write', 'configure', 'approve'],
  'it-engineer': ['read', 'configure'],
  auditor: ['read', 'audit'],
  admin: ['read', 'write', 'configure', 'approve', 'audit', 'admin'],
};

/** Permissions that only a site-wide grant (no zones, no paths) carries. */
const SITE_WIDE: ReadonlySet<Permission> = new Set(['audit', 'admin']);

export interface Grant {
  role: Role;
  /** Only in these zones (all zones when absent). */
  zones?: string[];
  /** Only at or below these namespace paths (everywhere when absent). */
  paths?: string[];
}

export interface Subject {
  grants: readonly Grant[];
  /** An API token's scopes: it may use only these permissions of its user. */
  scopes?: readonly Permission[];
}

export interface Target {
  zone?: string;
  path?: string;
}

function isSiteWide(g: Grant): boolean {
  return g.zones === undefined && g.paths === undefined;
}

function carries(g: Grant, permission: Permission): boolean {
  if (!ROLE_PERMISSIONS[g.role]?.includes(permission)) return false;
  return !SITE_WIDE.has(permission) || isSiteWide(g);
}

function covers(g: Grant, t: Target): boolean {
  // A limited grant covers only targets it can place: a zone-limited grant needs the target's zone.
  if (g.zones !== undefined && (t.zone === undefined || !g.zones.includes(t.zone))) return false;
  if (g.paths !== undefined && (t.path === undefined || !g.paths.some((p) => isUnder(t.path!, p)))) return false;
  return true;
}

function scoped(s: Subject, permission: Permission): boolean {
  return s.scopes === undefined || s.scopes.includes(permission);
}

/** True when the subject holds `permission` for the target (zone and/or path). */
export function can(s: Subject, permission: Permission, target: Target = {}): boolean {
  return scoped(s, permission) && s.grants.some((g) => carries(g, permission) && covers(g, target));
}

/** True when the subject holds `permission` for at least some target: the route-level check. */
export function canSomewhere(s: Subject, permission: Permission): boolean {
  return scoped(s, permission) && s.grants.some((g) => carries(g, permission));
}

/**
 * True when the subject may see the namespace structure at `prefix` (names, not values) because
 * something it may use lies at, above or below it: lets a user limited to a subtree browse down to
 * it from the root. Zones do not limit the structure, only the values.
 */
export function canNavigate(s: Subject, permission: Permission, prefix: string): boolean {
  if (!scoped(s, permission)) return false;
  return s.grants.some((g) => carries(g, permission) && (g.paths === undefined || g.paths.some((p) => isUnder(p, prefix) || isUnder(prefix, p))));
}

/** Every permission the subject holds somewhere. */
export function permissionsOf(s: Subject): Permission[] {
  return PERMISSIONS.filter((p) => canSomewhere(s, p));
}

/** True when `role` is one of the roles. */
export function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

/** True when `p` is one of the permissions. */
export function isPermission(p: string): p is Permission {
  return (PERMISSIONS as readonly string[]).includes(p);
}
