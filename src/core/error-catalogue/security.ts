/** Error catalogue entries: the API, identity and access, the write gate, the audit log and security storage. */
import { spec } from './spec.js';

export const SECURITY_ERRORS = {
  // API
  CW_API_BAD_REQUEST: spec<{ problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The request is not valid: ${p.problem}.`,
    hint: () => 'See the API reference at /api/v1/openapi.json for the expected parameters.',
  }),
  CW_API_BAD_TIME: spec<{ param: string; value: string }>({
    status: 400, retryable: false,
    message: (p) => `"${p.value}" is not a time the hub understands (parameter ${p.param}).`,
    hint: () => 'Use ISO 8601 (2026-11-23T08:00:00Z), epoch milliseconds, or a relative time such as -15m, -2h, -7d, now.',
  }),
  CW_API_BAD_RANGE: spec<{ from: string; to: string }>({
    status: 400, retryable: false,
    message: (p) => `The time range starts (${p.from}) after it ends (${p.to}).`,
    hint: () => 'Swap from and to, or leave them out for the last hour.',
  }),
  CW_API_UNKNOWN_PARAMETER: spec<{ param: string; route: string; allowed: string; suggestion?: string }>({
    status: 422, retryable: false,
    message: (p) => `The request ${p.route} has no parameter "${p.param}".`,
    hint: (p) => `${p.suggestion ? `Did you mean "${p.suggestion}"? ` : ''}Its parameters are: ${p.allowed}.`,
  }),
  CW_API_BAD_VALUE: spec<{ param: string; value: string; allowed: string }>({
    status: 422, retryable: false,
    message: (p) => `"${p.value}" is not a value of parameter ${p.param}.`,
    hint: (p) => `Use one of: ${p.allowed}.`,
  }),
  CW_API_NOT_FOUND: spec<{ method: string; url: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no route ${p.method} ${p.url}.`,
    hint: () => 'See /api/v1/openapi.json for the routes this hub serves.',
  }),
  CW_API_PATH_NOT_FOUND: spec<{ path: string }>({
    status: 404, retryable: false,
    message: (p) => `Nothing in the namespace is at or below "${p.path}".`,
    hint: () => 'Browse the namespace with GET /api/v1/namespace to find the right path.',
  }),
  CW_API_INTERNAL: spec<{ reason: string }>({
    status: 500, retryable: true,
    message: () => 'The hub could not answer this request because of an internal error.',
    hint: () => 'Retry; if it happens again, report it with the hub log around this time.',
  }),
  // identity and access (sign-in, sessions, tokens, users, roles)
  CW_AUTH_REQUIRED: spec<{ method: string; url: string }>({
    status: 401, retryable: false,
    message: (p) => `The request ${p.method} ${p.url} needs a signed-in user or an API token.`,
    hint: () => 'Sign in with POST /api/v1/login (the session cookie then goes with each request), or send "Authorization: Bearer <token>" with a token from POST /api/v1/tokens or `causeway token create`.',
  }),
  CW_AUTH_LOGIN_FAILED: spec<Record<string, never>>({
    status: 401, retryable: false,
    message: () => 'The user name or the password is not right.',
    hint: () => 'Check both and try again; after several failures signing in is paused for a while. An admin can reset a password with `causeway user add --reset`.',
  }),
  CW_AUTH_THROTTLED: spec<{ kind: 'login' | 'token'; seconds: number }>({
    status: 429, retryable: true,
    message: (p) => (p.kind === 'token'
      ? `Requests with an API token from your address are paused for ${p.seconds} s after repeated invalid tokens.`
      : `Signing in with this user name from your address is paused for ${p.seconds} s after repeated failures.`),
    hint: () => 'Wait for the time in the Retry-After header before trying again: each attempt during the pause makes it longer. Other addresses are not affected; if these attempts were not yours, tell the site administrator.',
  }),
  CW_AUTH_LOCKED: spec<{ username: string }>({
    status: 403, retryable: false,
    message: (p) => `The account ${p.username} is locked by an administrator: nobody signs in as it until it is unlocked.`,
    hint: () => 'Ask a site administrator to unlock it (POST /api/v1/users/{id}/unlock or `causeway user unlock`), usually together with a new password.',
  }),
  CW_AUTH_FORBIDDEN: spec<{ permission: string; action: string }>({
    status: 403, retryable: false,
    message: (p) => `Your account may not ${p.action}: that needs the ${p.permission} permission.`,
    hint: () => 'Ask an admin for a role that carries this permission in the right zone or part of the plant (GET /api/v1/me lists yours).',
  }),
  CW_AUTH_CSRF: spec<{ method: string }>({
    status: 403, retryable: false,
    message: (p) => `The ${p.method} request came with the session cookie but without the session's CSRF token.`,
    hint: () => 'Send the csrfToken from the login answer (or GET /api/v1/me) in the X-CSRF-Token header; scripts should use an API token instead of a session.',
  }),
  CW_AUTH_SESSION_ONLY: spec<{ action: string }>({
    status: 403, retryable: false,
    message: (p) => `An API token cannot ${p.action}.`,
    hint: () => 'Sign in as the user (POST /api/v1/login) to manage sessions and tokens, or use `causeway token create` on the hub.',
  }),
  CW_AUTH_ROUTE_UNDECLARED: spec<{ method: string; url: string }>({
    status: 500, retryable: false,
    message: (p) => `The hub refuses ${p.method} ${p.url} because the route declares no permission.`,
    hint: () => 'This is a bug in the hub: every route must declare config.permission. Report it with the route.',
  }),
  CW_AUTH_SETUP_CLOSED: spec<Record<string, never>>({
    status: 409, retryable: false,
    message: () => 'The hub already has an admin, so the first-run setup is closed.',
    hint: () => 'Sign in with POST /api/v1/login; admins add users with POST /api/v1/users or `causeway user add`.',
  }),
  CW_AUTH_SETUP_TOKEN: spec<Record<string, never>>({
    status: 401, retryable: false,
    message: () => 'The setup token is not the one this hub printed, or it has expired.',
    hint: () => 'Copy the token from the hub\'s first-start output; restart the hub for a new one, or create the admin with `causeway user add --role admin`.',
  }),
  CW_AUTH_PASSWORD_WEAK: spec<{ problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The password is not accepted: ${p.problem}.`,
    hint: () => 'Choose a longer passphrase: at least 12 characters, not containing the user name.',
  }),
  CW_AUTH_USER_EXISTS: spec<{ username: string }>({
    status: 409, retryable: false,
    message: (p) => `There is already a user "${p.username}".`,
    hint: () => 'Pick another user name, or change the existing user with PATCH /api/v1/users/<id>.',
  }),
  CW_AUTH_NOT_FOUND: spec<{ what: string; id: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no ${p.what} "${p.id}".`,
    hint: (p) => `List them with GET /api/v1/${p.what === 'user' ? 'users' : `${p.what}s`}.`,
  }),
  CW_AUTH_LAST_ADMIN: spec<{ username: string }>({
    status: 409, retryable: false,
    message: (p) => `The user ${p.username} is the last active admin with site-wide rights, and the hub must keep one.`,
    hint: () => 'Give another user the admin role first, then change or remove this one.',
  }),
  CW_AUTH_UNKNOWN_ZONE: spec<{ zone: string; known: string }>({
    status: 400, retryable: false,
    message: (p) => `A grant names zone "${p.zone}", which is not in the config.`,
    hint: (p) => `Use one of the configured zones: ${p.known}.`,
  }),
  CW_AUTH_OIDC_OFF: spec<Record<string, never>>({
    status: 404, retryable: false,
    message: () => 'Sign-in with an identity provider (OpenID Connect) is not set up on this hub.',
    hint: () => 'Sign in with a user name and password, or ask the administrator to set security.oidc in the config.',
  }),
  CW_AUTH_OIDC_FAILED: spec<{ reason: string }>({
    status: 401, retryable: false,
    message: (p) => `Sign-in through the identity provider did not complete: ${p.reason}.`,
    hint: () => 'Start again from the sign-in page; if it keeps failing, the administrator finds the reason in the audit log and the identity provider\'s log.',
  }),
  CW_AUTH_OIDC_NO_ROLE: spec<{ username: string }>({
    status: 403, retryable: false,
    message: (p) => `The identity provider signed in ${p.username}, but none of their groups gives a role on this hub.`,
    hint: () => 'Ask the administrator to add your group to security.oidc.roles, or to put you in a group that is mapped there.',
  }),
  // the write gate: every refusal names the step that refused
  CW_WRITE_FORBIDDEN: spec<{ step: string; path: string; zone: string }>({
    status: 403, retryable: false,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: your account may not write in zone ${p.zone}.`,
    hint: () => 'Ask an admin for the operator or ot-engineer role in this zone or part of the plant.',
  }),
  CW_WRITE_TARGET: spec<{ step: string; path: string; problem: string }>({
    status: 404, retryable: false,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: ${p.problem}.`,
    hint: () => 'Write to an attribute bound to a source tag; GET /api/v1/namespace?path=<path> shows its binding.',
  }),
  CW_WRITE_NO_CONDUIT: spec<{ step: string; path: string; from: string; to: string; flow: string }>({
    status: 403, retryable: false,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: no conduit lets ${p.flow} go from zone ${p.from} into zone ${p.to}.`,
    hint: (p) => `Writes go down only where the config allows them: add a conduit { from: ${p.from}, to: ${p.to}, allow: [${p.flow}] } (consider require: { approval: true }), then restart the hub.`,
  }),
  CW_WRITE_NOT_WRITABLE: spec<{ step: string; path: string }>({
    status: 403, retryable: false,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: the attribute is not writable.`,
    hint: () => 'Only attributes marked writable: true in their template accept writes; setpoints usually are, measurements are not.',
  }),
  CW_WRITE_OUT_OF_LIMITS: spec<{ step: string; path: string; problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: the value does not fit the attribute (${p.problem}).`,
    hint: () => "Send a value of the attribute's type inside its min and max (GET /api/v1/namespace?path=<path> shows them).",
  }),
  CW_WRITE_BAD_VALUE: spec<{ step: string; path: string; problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: the value is not of the attribute's type (${p.problem}).`,
    hint: () => 'Send the value as the attribute takes it, with no conversion: a JSON number (finite) for a number or state, true or false for a boolean, a string for a string. GET /api/v1/namespace?path=<path> shows its type.',
  }),
  CW_WRITE_TOO_MANY_REQUESTS: spec<{ step: string; perMinute: number; seconds: number }>({
    status: 429, retryable: true,
    message: (p) => `The write request was refused at the ${p.step} step: your account sent more than ${p.perMinute} write requests a minute; try again in ${p.seconds} s.`,
    hint: () => 'Wait for the time in the Retry-After header. The limit is security.writes.requestsPerMinute in the hub config.',
  }),
  CW_WRITE_REQUESTER_DISABLED: spec<{ step: string; id: string }>({
    status: 409, retryable: false,
    message: (p) => `Write request ${p.id} was refused at the ${p.step} step: its requester's account is disabled or removed, so it was cancelled.`,
    hint: () => 'A write needs a requester who still holds an account; ask an active operator to request it again if it is still needed.',
  }),
  CW_WRITE_APPROVAL_REFUSED: spec<{ step: string; id: string; problem: string }>({
    status: 403, retryable: false,
    message: (p) => `Write request ${p.id} was refused at the ${p.step} step: ${p.problem}.`,
    hint: () => 'A second person, other than the requester, with the approve permission in the zone confirms the write (an ot-engineer or admin).',
  }),
  CW_WRITE_NOT_PENDING: spec<{ step: string; id: string; state: string }>({
    status: 409, retryable: false,
    message: (p) => `Write request ${p.id} was refused at the ${p.step} step: it is ${p.state}, not waiting for approval.`,
    hint: () => 'See GET /api/v1/writes for its state; request the write again if it is still needed.',
  }),
  CW_WRITE_NOT_FOUND: spec<{ id: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no write request "${p.id}".`,
    hint: () => 'List write requests with GET /api/v1/writes.',
  }),
  CW_WRITE_RATE_LIMITED: spec<{ step: string; path: string; seconds: number }>({
    status: 429, retryable: true,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: too many writes to it from this account; try again in ${p.seconds} s.`,
    hint: () => 'Wait for the time in the Retry-After header; repeated writes to one machine value are limited on purpose.',
  }),
  CW_WRITE_SOURCE_FAILED: spec<{ step: string; path: string; reason: string }>({
    status: 502, retryable: false,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: the source did not take it (${p.reason}).`,
    hint: () => 'Check the source in GET /api/v1/sources and the device; read the value before writing again, as it may or may not have arrived.',
  }),
  CW_WRITE_NOT_VERIFIED: spec<{ step: string; path: string; written: string; read: string }>({
    status: 502, retryable: false,
    message: (p) => `The write to ${p.path} failed at the ${p.step} step: the device took it, but the value read back is ${p.read}, not ${p.written}.`,
    hint: () => 'The device may clamp or ignore the value, or its program overwrites it; check the device before writing again.',
  }),
  CW_WRITE_AUDIT_UNAVAILABLE: spec<{ step: string; path: string }>({
    status: 503, retryable: true,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: the audit log cannot record it, and no write goes down unrecorded.`,
    hint: () => 'Check the hub log and the disk of the data directory (hub-state.sqlite); writes are accepted again once the audit log records.',
  }),
  // audit log
  CW_AUDIT_WRITE_FAILED: spec<{ reason: string }>({
    status: 503, retryable: true,
    message: (p) => `The audit log cannot record: ${p.reason}.`,
    hint: () => 'Check free space and permissions of hub-state.sqlite in the data directory; changes and writes are refused until the audit log records again.',
  }),
  CW_AUDIT_KEY: spec<{ file: string; reason: string }>({
    status: 500, retryable: false,
    message: (p) => `Cannot use the audit key ${p.file}: ${p.reason}.`,
    hint: () => 'The audit key is made with the keyed chain (mode 0600) and is needed to verify it; restore audit.key from the backup of the data directory. Without it, records after the anchor cannot be verified.',
  }),
  CW_AUDIT_CHECKPOINT: spec<{ file: string; reason: string }>({
    status: 500, retryable: true,
    message: (p) => `Cannot export an audit checkpoint to ${p.file}: ${p.reason}.`,
    hint: () => 'Check that security.audit.checkpointDir exists and the hub may write there (free space, permissions, the mount).',
  }),
  // security storage, secrets and TLS
  CW_SECURITY_STORE_FAILED: spec<{ file: string; reason: string }>({
    status: 500, retryable: false,
    message: (p) => `Cannot open the hub state ${p.file}: ${p.reason}.`,
    hint: () => 'Check that the data directory is writable and that no older hub version made the file; restore it from a backup if it is damaged.',
  }),
  CW_SECURITY_SECRET_KEY: spec<{ file: string; reason: string }>({
    status: 500, retryable: false,
    message: (p) => `Cannot use the secret key ${p.file}: ${p.reason}.`,
    hint: () => 'The key is made on first use with mode 0600; restore it from a backup if it was lost (values encrypted with it cannot be read without it).',
  }),
  CW_SECURITY_SECRET_DECRYPT: spec<{ where: string }>({
    status: 400, retryable: false,
    message: (p) => `The encrypted value at ${p.where} cannot be decrypted with this hub's secret key.`,
    hint: () => 'Encrypt the value again with `causeway secret encrypt` against this data directory, or put the plain value in an environment variable.',
  }),
  CW_SECURITY_TLS: spec<{ problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The API cannot serve TLS: ${p.problem}.`,
    hint: () => 'Check api.tls: cert and key are PEM files the hub can read, or use selfSigned: true.',
  }),
} as const;
