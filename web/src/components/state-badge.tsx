/** A state as a coloured badge with its word: connection states, value qualities, or a tone (good, warn, bad, idle). */
const TONE: Record<string, 'good' | 'warn' | 'bad' | 'idle'> = {
  connected: 'good',
  ok: 'good',
  good: 'good',
  connecting: 'warn',
  uncertain: 'warn',
  degraded: 'warn',
  warn: 'warn',
  backoff: 'bad',
  bad: 'bad',
  stopped: 'idle',
  idle: 'idle',
};

export function StateBadge({ state, label }: { state: string; label?: string }) {
  return <span className={`badge ${TONE[state] ?? 'idle'}`}>{label ?? state}</span>;
}
