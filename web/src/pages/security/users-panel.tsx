/** Users and their roles, for administrators: who may do what where, when each last signed in; disable, enable, lock, unlock, delete, add. */
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { users, type Grant, type User } from '../../api/security';
import { ProblemNotice } from '../../components/problem-notice';
import { useSession } from '../../components/session';
import { StateBadge } from '../../components/state-badge';
import { formatAgo } from '../../lib/format';
import { usePoll } from '../../lib/use-poll';
import { AddUserForm } from './add-user-form';

/** Accounts unused this long are worth a look (the overview counts them too). */
export const STALE_MS = 30 * 86_400_000;

/** A grant in words: "operator in line1-ot", "admin everywhere". */
export function grantText(g: Grant): string {
  const where = [g.zones?.length ? `zones ${g.zones.join(', ')}` : '', g.paths?.length ? `below ${g.paths.join(', ')}` : ''].filter(Boolean);
  return `${g.role} ${where.length ? `in ${where.join(' and ')}` : 'everywhere'}`;
}

function LastLogin({ u, now }: { u: User; now: number }) {
  if (u.lastLoginAt === undefined) return <StateBadge state="warn" label="never signed in" />;
  const stale = now - u.lastLoginAt > STALE_MS;
  return stale ? <StateBadge state="warn" label={formatAgo(u.lastLoginAt, now)} /> : <>{formatAgo(u.lastLoginAt, now)}</>;
}

interface RowProps {
  u: User;
  now: number;
  self: boolean;
  busy: boolean;
  confirming: boolean;
  onToggle(): void;
  onLock(): void;
  onAskDelete(): void;
  onDelete(): void;
  onCancel(): void;
}

function Status({ u }: { u: User }) {
  if (u.disabled) return <StateBadge state="bad" label="disabled" />;
  if (u.locked) return <StateBadge state="bad" label={`locked by ${u.locked.by}`} />;
  return <StateBadge state="good" label="active" />;
}

function UserRow({ u, now, self, busy, confirming, onToggle, onLock, onAskDelete, onDelete, onCancel }: RowProps) {
  return (
    <tr data-testid={`user-${u.username}`}>
      <th scope="row">{u.username}</th>
      <td>
        {u.grants.map((g, i) => (
          <div key={i}>{grantText(g)}</div>
        ))}
      </td>
      <td>
        <LastLogin u={u} now={now} />
      </td>
      <td>
        <Status u={u} />
      </td>
      <td>
        {self ? (
          <span className="small muted">you</span>
        ) : confirming ? (
          <div className="actions" role="group" aria-label={`Confirm deleting ${u.username}`}>
            <button type="button" className="primary" disabled={busy} onClick={onDelete}>
              Yes, delete {u.username}
            </button>
            <button type="button" disabled={busy} onClick={onCancel}>
              Cancel
            </button>
          </div>
        ) : (
          <div className="actions">
            <button type="button" disabled={busy} onClick={onToggle} aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.username}`}>
              {u.disabled ? 'Enable' : 'Disable'}
            </button>
            <button type="button" disabled={busy} onClick={onLock} aria-label={`${u.locked ? 'Unlock' : 'Lock'} ${u.username}`}>
              {u.locked ? 'Unlock' : 'Lock'}
            </button>
            <button type="button" disabled={busy} onClick={onAskDelete} aria-label={`Delete ${u.username}`}>
              Delete…
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

export function UsersPanel({ zones }: { zones: readonly string[] }) {
  const { session } = useSession();
  // Ages are measured from when the list was loaded, not from each render.
  const list = usePoll('users', async (signal) => ({ ...(await users.list(signal)), loadedAt: Date.now() }), 30_000);
  const [busy, setBusy] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [note, setNote] = useState<string>();

  async function act(u: User, what: () => Promise<unknown>, done: string) {
    setBusy(u.id);
    setError(undefined);
    try {
      await what();
      setNote(done);
      setConfirming(undefined);
      list.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <>
      <ProblemNotice error={list.error ?? error} />
      {note ? (
        <div className="notice info" role="status">
          {note}
        </div>
      ) : null}
      <div className="table-scroll">
        <table data-testid="users">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Roles</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.users ?? []).map((u) => (
              <UserRow
                key={u.id}
                u={u}
                now={list.data?.loadedAt ?? 0}
                self={u.username === session.username}
                busy={busy === u.id}
                confirming={confirming === u.id}
                onToggle={() => void act(u, () => users.update(u.id, { disabled: !u.disabled }), `${u.username} is ${u.disabled ? 'enabled' : 'disabled; their sessions ended'}.`)}
                onLock={() => void act(u, () => (u.locked ? users.unlock(u.id) : users.lock(u.id)), u.locked ? `${u.username} is unlocked.` : `${u.username} is locked: nobody signs in as them until unlocked; their sessions ended (their API tokens still work).`)}
                onAskDelete={() => setConfirming(u.id)}
                onDelete={() => void act(u, () => users.remove(u.id), `${u.username} was deleted with their sessions and tokens.`)}
                onCancel={() => setConfirming(undefined)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <h3>Add a user</h3>
      <AddUserForm
        zones={zones}
        onDone={(name) => {
          setNote(`${name} was added.`);
          list.reload();
        }}
      />
    </>
  );
}
