/** First run: redeem the one-time setup token the hub printed, creating the first administrator. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useFeatures } from '../api/features';
import { setupOpen } from '../api/security';
import { completeSetup } from '../api/session';
import { usePoll } from '../lib/use-poll';
import { ArrivesWith } from '../components/arrives-with';
import { ProblemNotice } from '../components/problem-notice';
import { Link, navigate } from '../lib/router';

function SetupForm() {
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
      await completeSetup(token.trim(), username, password);
      navigate('/login', true);
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
  const features = useFeatures();
  if (!features.ready) return null;
  if (!features.has('/api/v1/setup')) {
    return (
      <>
        <h1>First-run setup</h1>
        <ArrivesWith feature="hub security" routes={['/api/v1/setup']}>
          <p>Then a new hub prints a one-time token at its first start, and this page creates the first administrator with it.</p>
        </ArrivesWith>
      </>
    );
  }
  return <SetupWhenOpen />;
}

function SetupWhenOpen() {
  const open = usePoll('setup', (signal) => setupOpen(signal));
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
  return <SetupForm />;
}
