/** First run: redeem the one-time setup token the hub printed, creating the first administrator. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { setupOpen } from '../api/security';
import { completeSetup } from '../api/session';
import { ProblemNotice } from '../components/problem-notice';
import { Link } from '../lib/router';
import { usePoll } from '../lib/use-poll';

/** What the setup did, and what to do next. */
function SetupDone({ username }: { username: string }) {
  return (
    <section className="panel" aria-labelledby="setup-done" style={{ maxWidth: '30rem' }} data-testid="setup-done">
      <h1 id="setup-done">Administrator created</h1>
      <div className="notice" role="status">
        <strong>
          The administrator <span className="mono">{username}</span> was created.
        </strong>{' '}
        The setup token is used up: it cannot make another administrator.
      </div>
      <p>Next: sign in as {username} with the password you just chose, then add the other users on the Security page.</p>
      <Link to="/login" className="button primary">
        Sign in as {username}
      </Link>
    </section>
  );
}

function SetupForm({ onDone }: { onDone(username: string): void }) {
  const [token, setToken] = useState('');
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onDone((await completeSetup(token.trim(), username, password)).username);
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={(e) => void handleSubmit(e)} aria-labelledby="setup-title" style={{ maxWidth: '30rem' }}>
      <h1 id="setup-title">First-run setup</h1>
      <p>The hub printed a one-time setup token when it started without an administrator. It is valid for 24 hours.</p>
      <ProblemNotice error={error} />
      <div className="field">
        <label htmlFor="setup-token">Setup token</label>
        <input id="setup-token" className="mono" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor="setup-user">Administrator user name</label>
        <input id="setup-user" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor="setup-password">Password</label>
        <input id="setup-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create administrator'}
      </button>
    </form>
  );
}

export function SetupPage() {
  const [created, setCreated] = useState<string>();
  const open = usePoll('setup', (signal) => setupOpen(signal));
  // Once done, the setup is closed: the confirmation stays until the user moves on.
  if (created) return <SetupDone username={created} />;
  if (!open.data) return <ProblemNotice error={open.error} />;
  if (!open.data.open) {
    return (
      <>
        <h1>First-run setup</h1>
        <p>
          This hub has an administrator already. <Link to="/login">Sign in</Link>; an administrator adds users.
        </p>
      </>
    );
  }
  return <SetupForm onDone={setCreated} />;
}
