/** Writes to machines: request a value, approve as a second person, and see every outcome. */
import { useFeatures } from '../../api/features';
import { ArrivesWith } from '../../components/arrives-with';
import { allows, useSession } from '../../components/session';
import { usePoll } from '../../lib/use-poll';
import { writes } from '../../api/security';
import { PendingWrites } from './pending-writes';
import { WriteHistory } from './write-history';
import { WriteRequestForm } from './write-request-form';

const REFRESH_MS = 2000;

function WritesView() {
  const { session } = useSession();
  const all = usePoll('writes', (signal) => writes.list({ limit: 50 }, signal), REFRESH_MS);
  const pending = all.data?.writes.filter((w) => w.state === 'pending') ?? [];
  return (
    <>
      {allows(session, ['write']) ? (
        <section className="panel" aria-labelledby="w-request">
          <h2 id="w-request">Request a write</h2>
          <WriteRequestForm onDone={all.reload} />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="w-pending">
        <h2 id="w-pending">Waiting for approval</h2>
        <PendingWrites pending={pending} onDone={all.reload} />
      </section>
      <section className="panel" aria-labelledby="w-history">
        <h2 id="w-history">Recent writes</h2>
        <WriteHistory records={all.data?.writes} error={all.error} />
      </section>
    </>
  );
}

export function WritesPage() {
  const features = useFeatures();
  return (
    <>
      <h1>Writes</h1>
      {features.ready && !features.has('/api/v1/writes') ? (
        <ArrivesWith feature="hub security (the write gate)" routes={['/api/v1/writes']}>
          <p>
            Then an operator requests a value for a writable attribute here, an OT engineer (a different person) approves or rejects it when the conduit requires approval, and
            both see it go through identity, role, zone and conduit, limits and rate checks to the device and back, verified.
          </p>
        </ArrivesWith>
      ) : null}
      {features.ready && features.has('/api/v1/writes') ? <WritesView /> : null}
    </>
  );
}
