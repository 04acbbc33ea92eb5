/** "Reconnect now": cut a source's or sink's backoff short (or reopen its link). Needs write in its zone; the hub audits it. */
import { useState } from 'react';
import { ApiError, request } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { allows, useSession } from '../../components/session';

export function ReconnectButton({ role, id, onDone }: { role: 'source' | 'sink'; id: string; onDone(): void }) {
  const { session } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  if (!allows(session, ['write'])) return null;

  async function reconnect() {
    setBusy(true);
    setError(undefined);
    try {
      await request('POST', `/api/v1/${role}s/${encodeURIComponent(id)}/reconnect`);
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" disabled={busy} onClick={() => void reconnect()} aria-label={`Reconnect ${role} ${id} now`}>
        Reconnect now
      </button>
      <ProblemNotice error={error} context="Not reconnected" />
    </>
  );
}
