/** A state as a coloured badge with its word: connection states and value qualities. */
const TONE: Record<string, 'good' | 'warn' | 'bad' | 'idle'> = {
  connected: 'good',
  ok: 'good',
  good: 'good',
  connecting: 'warn',
  uncertain: 'warn',
  degraded: 'warn',
  backoff: 'bad',
  bad: 'bad',
  stopped: 'idle',
};

export function StateBadge({ state, label }: { state: string; label?: string }) {
  return <span className={`badge ${TONE[state] ?? 'idle'}`}>{label ?? state}</span>;
}
