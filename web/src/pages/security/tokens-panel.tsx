/** API tokens: yours (administrators: everyone's), never their secrets; create one, revoke one. */
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { tokens, type ApiToken, type Scope } from '../../api/security';
import { ProblemNotice } from '../../components/problem-notice';
import { allows, useSession } from '../../components/session';
import { StateBadge } from '../../components/state-badge';
import { formatAgo, formatTime } from '../../lib/format';
import { usePoll } from '../../lib/use-poll';
import { TokenForm } from './token-form';

const SOON_MS = 7 * 86_400_000;

function Expiry({ t, now }: { t: ApiToken; now: number }) {
  if (t.expiresAt === undefined) return <StateBadge state="warn" label="never" />;
  if (t.expiresAt <= now) return <StateBadge state="bad" label="expired" />;
  const text = formatTime(t.expiresAt);
  return t.expiresAt - now < SOON_MS ? <StateBadge state="warn" label={text} /> : <>{text}</>;
}

export function TokensPanel() {
  const { session } = useSession();
  const admin = allows(session, ['admin']);
  const list = usePoll(`tokens-${admin}`, async (signal) => ({ ...(await tokens.list(admin, signal)), loadedAt: Date.now() }), 30_000);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const held = [...session.permissions] as Scope[];

  async function revoke(t: ApiToken) {
    setBusy(t.id);
    setError(undefined);
    try {
      await tokens.revoke(t.id);
      list.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(undefined);
    }
  }

  const now = list.data?.loadedAt ?? 0;
  const rows = list.data?.tokens ?? [];
  return (
    <>
      <ProblemNotice error={list.error ?? error} />
      {list.data && rows.length === 0 ? <p className="muted">No API tokens{admin ? '' : ' of yours'}.</p> : null}
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table data-testid="tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                {admin ? <th scope="col">Owner</th> : null}
                <th scope="col">Permissions</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Revoke</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((t) => (
                <tr key={t.id} data-testid={`token-${t.name}`}>
                  <th scope="row">{t.name}</th>
                  {admin ? <td>{t.username}</td> : null}
                  <td>{t.scopes.join(', ')}</td>
                  <td className="small nowrap">{formatTime(t.createdAt)}</td>
                  <td className="small nowrap">
                    <Expiry t={t} now={now} />
                  </td>
                  <td className="small nowrap">{t.lastUsedAt ? formatAgo(t.lastUsedAt, now) : 'never'}</td>
                  <td>
                    <button type="button" disabled={busy === t.id} onClick={() => void revoke(t)} aria-label={`Revoke token ${t.name} of ${t.username}`}>
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h3>Create a token</h3>
      <TokenForm held={held} onCreated={list.reload} />
    </>
  );
}
