/** What a part of the console will show once the hub serves its API, and which routes it waits for. */
import type { ReactNode } from 'react';

export function ArrivesWith({ feature, routes, children }: { feature: string; routes: readonly string[]; children?: ReactNode }) {
  return (
    <div className="arrives" role="note">
      <p>
        <strong>Arrives with {feature}.</strong> This hub does not serve {routes.map((r, i) => (
          <span key={r}>
            {i > 0 ? (i === routes.length - 1 ? ' or ' : ', ') : ''}
            <code>{r}</code>
          </span>
        ))}{' '}
        yet.
      </p>
      {children}
    </div>
  );
}
