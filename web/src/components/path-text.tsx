/**
 * A namespace path as text, at most two lines, the whole path in its tooltip. A short path breaks
 * only after its slashes (never inside a name, so a table column is never squeezed below its
 * longest name). A long one shows its end, which says the most: the asset's place on one line,
 * cut at the front with an ellipsis ("…dosing_pump_b"), the attribute's name on the second.
 */
import { Fragment } from 'react';
import './path-text.css';

/** Up to this many characters a path is shown whole, broken at its slashes. */
const WHOLE_UP_TO = 60;

function BreakingAtSlashes({ path }: { path: string }) {
  return path.split('/').map((name, i) => (
    <Fragment key={i}>
      {i > 0 ? (
        <>
          /<wbr />
        </>
      ) : null}
      {name}
    </Fragment>
  ));
}

export function PathText({ path }: { path: string }) {
  const cut = path.lastIndexOf('/');
  if (path.length <= WHOLE_UP_TO || cut <= 0) {
    return (
      <span className="path-text" title={path}>
        <BreakingAtSlashes path={path} />
      </span>
    );
  }
  // The slash goes with the name: a slash at the end of right-to-left text would show at its start.
  return (
    <span className="path-text split" title={path}>
      <span className="head">{path.slice(0, cut)}</span>
      <span className="tail">{path.slice(cut)}</span>
    </span>
  );
}
