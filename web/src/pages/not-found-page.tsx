import { Link } from '../lib/router';

export function NotFoundPage({ reason }: { reason?: string }) {
  return (
    <>
      <h1>Not here</h1>
      <p>{reason ?? 'The console has no page at this address.'}</p>
      <p>
        <Link to="/">Go to the overview</Link>
      </p>
    </>
  );
}
