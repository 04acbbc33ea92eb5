/** A value's quality as a badge, with why the hub marked it (link lost, stale) when it did. */
import { StateBadge } from './state-badge';

export type QualityReason = 'link_lost' | 'stale';

const EXPLAIN: Record<QualityReason, { label: string; title: string }> = {
  link_lost: { label: 'link lost', title: 'The hub lost its link to the device: this is the last value it had.' },
  stale: { label: 'stale', title: 'The value has not updated within its stale period (staleAfter): this is the last value the device sent.' },
};

export function QualityBadge({ quality, reason }: { quality: string; reason?: QualityReason | undefined }) {
  const why = reason ? EXPLAIN[reason] : undefined;
  return (
    <span data-testid="quality" data-quality={quality} {...(reason ? { 'data-reason': reason } : {})}>
      <StateBadge state={quality} />
      {why ? (
        <span className="small muted" title={why.title}>
          {' '}
          {why.label}
        </span>
      ) : null}
    </span>
  );
}
