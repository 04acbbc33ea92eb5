/** Add a user: a name, a password the administrator chooses (there are no default passwords), a role, optionally limited to zones. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { ROLES, users, type Role } from '../../api/security';
import { ProblemNotice } from '../../components/problem-notice';

/** Roles whose permissions (audit, admin) only count site-wide: limiting them to zones takes those away. */
const SITE_WIDE_ROLES: readonly Role[] = ['auditor', 'admin'];

export function AddUserForm({ zones, onDone }: { zones: readonly string[]; onDone(username: string): void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [limited, setLimited] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  function toggleZone(zone: string, on: boolean) {
    setLimited((z) => (on ? [...z, zone] : z.filter((x) => x !== zone)));
  }

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const made = await users.create({ username: username.trim(), password, grants: [{ role, ...(limited.length ? { zones: limited } : {}) }] });
      setUsername('');
      setPassword('');
      setLimited([]);
      onDone(made.username);
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void handleSubmit(e)} aria-label="Add a user">
      <div className="form-row">
        <div className="field">
          <label htmlFor="new-user-name">User name</label>
          <input id="new-user-name" value={username} onChange={(e) => setUsername(e.target.value)} required maxLength={64} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="new-user-password">Password</label>
          <input id="new-user-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="new-password" />
        </div>
        <div className="field">
          <label htmlFor="new-user-role">Role</label>
          <select id="new-user-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
      </div>
      {zones.length > 0 ? (
        <fieldset className="checks">
          <legend>Only in these zones (none ticked: everywhere)</legend>
          {zones.map((z) => (
            <label key={z}>
              <input type="checkbox" checked={limited.includes(z)} onChange={(e) => toggleZone(z, e.target.checked)} />
              {z}
            </label>
          ))}
        </fieldset>
      ) : null}
      {limited.length > 0 && SITE_WIDE_ROLES.includes(role) ? (
        <p className="small muted" role="note">
          The {role} role's {role === 'admin' ? 'administration and audit rights hold' : 'audit right holds'} only site-wide: limited to zones, this user gets just its other permissions there.
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Adding…' : 'Add user'}
      </button>
      <div style={{ marginTop: '0.75rem' }}>
        <ProblemNotice error={error} context="Not added" />
      </div>
    </form>
  );
}
