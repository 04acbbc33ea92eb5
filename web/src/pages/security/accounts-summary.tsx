/** The accounts at a glance, for administrators: users and admins, live sessions, API tokens and their expiry. */
import { get } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { usePoll } from '../../lib/use-poll';

const SOON_MS = 7 * 86_400_000;

async function loadAccounts(signal: AbortSignal) {
  const [users, sessions, tokens] = await Promise.all([
    get('/api/v1/users', { signal }),
    get('/api/v1/sessions', { query: { all: true }, signal }),
    get('/api/v1/tokens', { query: { all: true }, signal }),
  ]);
  const now = Date.now();
  return {
    users: users.users.length,
    admins: users.users.filter((u) => !u.disabled && u.grants.some((g) => g.role === 'admin')).length,
    disabled: users.users.filter((u) => u.disabled).length,
    sessions: sessions.sessions.length,
    tokens: tokens.tokens.length,
    expiring: tokens.tokens.filter((t) => t.expiresAt !== undefined && t.expiresAt - now < SOON_MS).length,
    neverExpire: tokens.tokens.filter((t) => t.expiresAt === undefined).length,
  };
}

export function AccountsSummary() {
  const a = usePoll('accounts', loadAccounts, 30_000);
  if (a.error) return <ProblemNotice error={a.error} />;
  if (!a.data) return null;
  const d = a.data;
  return (
    <p data-testid="accounts-summary">
      {d.users} {d.users === 1 ? 'user' : 'users'} ({d.admins} {d.admins === 1 ? 'admin' : 'admins'}
      {d.disabled ? `, ${d.disabled} disabled` : ''}) · {d.sessions} signed-in {d.sessions === 1 ? 'session' : 'sessions'} · {d.tokens} API {d.tokens === 1 ? 'token' : 'tokens'}
      {d.expiring ? `, ${d.expiring} expiring within 7 days` : ''}
      {d.neverExpire ? `, ${d.neverExpire} never expiring` : ''}
    </p>
  );
}
