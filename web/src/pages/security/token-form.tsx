/**
 * Create an API token for a machine: a name, the permissions it may use (some of yours) and an
 * expiry. The secret is shown once, here, with a button to copy it; the hub keeps only its hash.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { tokens, type Scope } from '../../api/security';
import { ProblemNotice } from '../../components/problem-notice';

const EXPIRY_DAYS = [7, 30, 90, 365] as const;

function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone(): void }) {
  const [copied, setCopied] = useState<'yes' | 'select' | undefined>();
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // No clipboard (plain HTTP on another host, or refused): the text is selected for Ctrl+C instead.
      (document.getElementById('token-secret') as HTMLInputElement | null)?.select();
      setCopied('select');
    }
  }
  return (
    <div className="notice info" role="status" data-testid="token-secret">
      <strong>Token {name} was created. Copy its secret now: it is shown only this once.</strong>
      <div className="secret-box">
        <label htmlFor="token-secret" className="visually-hidden">
          Secret of token {name}
        </label>
        <input id="token-secret" readOnly value={secret} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <div className="small" aria-live="polite">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'select' ? 'The browser does not allow copying here: the secret is selected, press Ctrl+C.' : 'Send it as "Authorization: Bearer <secret>".'}
      </div>
      <button type="button" className="primary" onClick={onDone} style={{ marginTop: '0.5rem' }}>
        I have copied it
      </button>
    </div>
  );
}

export function TokenForm({ held, onCreated }: { held: readonly Scope[]; onCreated(): void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(() => held.filter((s) => s === 'read'));
  const [days, setDays] = useState<number>(90);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [made, setMade] = useState<{ name: string; secret: string }>();

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await tokens.create({ name: name.trim(), scopes, expiresInDays: days });
      setMade({ name: answer.token.name, secret: answer.secret });
      setName('');
      onCreated();
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(false);
    }
  }

  if (made) return <SecretOnce name={made.name} secret={made.secret} onDone={() => setMade(undefined)} />;
  return (
    <form onSubmit={(e) => void handleSubmit(e)} aria-label="Create an API token">
      <div className="form-row">
        <div className="field">
          <label htmlFor="token-name">Token name</label>
          <input id="token-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} pattern="[A-Za-z0-9 ._\-]{1,64}" title="Letters, digits, spaces, dots, underscores and dashes" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="token-expiry">Expires after</label>
          <select id="token-expiry" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {EXPIRY_DAYS.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="checks">
        <legend>Permissions it may use (at least one)</legend>
        {held.map((s) => (
          <label key={s}>
            <input type="checkbox" checked={scopes.includes(s)} onChange={(e) => setScopes((cur) => (e.target.checked ? [...cur, s] : cur.filter((x) => x !== s)))} />
            {s}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={busy || scopes.length === 0}>
        {busy ? 'Creating…' : 'Create token'}
      </button>
      <div style={{ marginTop: '0.75rem' }}>
        <ProblemNotice error={error} context="Not created" />
      </div>
    </form>
  );
}
