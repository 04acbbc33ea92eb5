/** TypeBox schemas shared by the security routes. */
import { Type } from 'typebox';
import { PERMISSIONS, ROLES, type Principal, type User } from '../../security/index.js';
import { permissionsOf } from '../../security/index.js';

/** A string that is one of `values`, typed as their union. */
export const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });

export const RoleSchema = literals(ROLES);
export const PermissionSchema = literals(PERMISSIONS);
const Id = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });

export const GrantSchema = Type.Object({
  role: RoleSchema,
  zones: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 64, uniqueItems: true, description: 'Only in these zones.' })),
  paths: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 512 }), { minItems: 1, maxItems: 64, uniqueItems: true, description: 'Only at or below these namespace paths.' })),
}, { additionalProperties: false, description: 'A role, everywhere or limited to zones and/or namespace subtrees.' });

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  grants: Type.Array(GrantSchema),
  disabled: Type.Boolean(),
  createdAt: Type.Number(),
  updatedAt: Type.Number(),
  lastLoginAt: Type.Optional(Type.Number({ description: 'The last successful sign-in, epoch ms; absent when the user never signed in.' })),
  locked: Type.Optional(Type.Object({
    at: Type.Number(), by: Type.String(), reason: Type.Optional(Type.String()),
  }, { description: 'Set while an admin has locked the account: nobody signs in as it until an admin unlocks it.' })),
});

export const Username = Type.String({ minLength: 1, maxLength: 64 });
export const Password = Type.String({ minLength: 1, maxLength: 1024 });

export const MeSchema = Type.Object({
  user: UserSchema,
  permissions: Type.Array(PermissionSchema, { description: 'Permissions held somewhere (zones and subtrees in the grants).' }),
  via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
  session: Type.Optional(Type.Object({ id: Type.String(), expiresAt: Type.Number(), createdAt: Type.Number() })),
  token: Type.Optional(Type.Object({ id: Type.String(), name: Type.String(), scopes: Type.Array(PermissionSchema) })),
  csrfToken: Type.Optional(Type.String({ description: 'Send it as X-CSRF-Token with every POST, PATCH and DELETE made with the session cookie.' })),
});

/** A user as the API shows it (never the password hash). */
export function userView(u: User): User {
  return { id: u.id, username: u.username, grants: u.grants, disabled: u.disabled, createdAt: u.createdAt, updatedAt: u.updatedAt, ...(u.lastLoginAt !== undefined ? { lastLoginAt: u.lastLoginAt } : {}), ...(u.locked ? { locked: u.locked } : {}) };
}

/** What GET /me and the login answer show. */
export function meOf(p: Principal) {
  return {
    user: userView(p.user),
    permissions: permissionsOf(p.subject),
    via: p.via,
    ...(p.session ? { session: { id: p.session.id, expiresAt: p.session.expiresAt, createdAt: p.session.createdAt }, csrfToken: p.session.csrf } : {}),
    ...(p.token ? { token: { id: p.token.id, name: p.token.name, scopes: p.token.scopes } } : {}),
  };
}
