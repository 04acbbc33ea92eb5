/** Sign in with a user name and password (POST /api/v1/login). */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { setupOpen } from '../api/security';
import { signIn } from '../api/session';
import { ProblemNotice } from '../components/problem-notice';
import { useSession } from '../components/session';
import { Link, navigate, useLocation } from '../lib/router';
import { usePoll } from '../lib/use-poll';

function LoginForm() {
  const { setSession } = useSession();
  const { path, query } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const setup = usePoll('setup', (signal) => setupOpen(signal));

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setSession(await signIn(username, password));
      // Shown in place of a page the session ran out on: stay there. From /login: go where ?next= says.
      if (path === '/login') {
        const next = query.get('next');
        navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', true);
      }
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={(e) => void handleSubmit(e)} aria-labelledby="login-title" style={{ maxWidth: '26rem' }}>
      <h1 id="login-title">Sign in</h1>
      {setup.data?.open ? (
        <div className="notice" role="status">
          <strong>This hub has no administrator yet.</strong> <Link to="/setup">Create one</Link> with the one-time setup token the hub printed when it started.
        </div>
      ) : null}
      <ProblemNotice error={error} />
      <div className="field">
        <label htmlFor="login-user">User name</label>
        <input id="login-user" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor="login-password">Password</label>
        <input id="login-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="small muted">
        First start of a new hub? <Link to="/setup">Create the first administrator</Link> with the setup token the hub printed.
      </p>
    </form>
  );
}

export function LoginPage() {
  // Signed out, the OpenAPI document is not readable: the hub's sign-in is simply there.
  return <LoginForm />;
}
