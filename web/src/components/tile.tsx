/** One figure of the plant at a glance. */
import type { ReactNode } from 'react';

export function Tile({ label, figure, sub, testId }: { label: string; figure: ReactNode; sub?: ReactNode; testId?: string }) {
  return (
    <section className="tile" aria-label={label} data-testid={testId}>
      <div className="label">{label}</div>
      <div className="figure">{figure}</div>
      {sub ? <div className="sub">{sub}</div> : null}
    </section>
  );
}
