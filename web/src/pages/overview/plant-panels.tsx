/** The parts of the overview that other hub services feed: OEE per line, writes, security posture. */
import { useFeatures } from '../../api/features';
import { writes } from '../../api/security';
import { ArrivesWith } from '../../components/arrives-with';
import { Link } from '../../lib/router';
import { usePoll } from '../../lib/use-poll';
import { NoProduction } from '../production/no-production';
import { OeeTable } from '../production/oee-table';
import { WriteHistory } from '../writes/write-history';
import { SecurityPosture } from './security-posture';
import './overview.css';

function RecentWrites() {
  const recent = usePoll('recent-writes', (signal) => writes.list({ limit: 5 }, signal), 5000);
  const pending = recent.data?.writes.filter((w) => w.state === 'pending').length ?? 0;
  return (
    <>
      {pending ? (
        <p>
          <Link to="/writes">{pending} waiting for approval</Link>
        </p>
      ) : null}
      <WriteHistory records={recent.data?.writes} error={recent.error} compact />
    </>
  );
}

/** `production`: whether the hub tracks production (from its health; undefined until known). */
export function PlantPanels({ production }: { production: boolean | undefined }) {
  const features = useFeatures();
  if (!features.ready) return null;
  // The writes get the full width: a namespace path needs room to stay within two lines.
  return (
    <>
      <div className="grid-2">
        <section className="panel" aria-labelledby="ov-oee">
          <h2 id="ov-oee">OEE per line</h2>
          {!features.has('/api/v1/oee') ? (
            <ArrivesWith feature="production" routes={['/api/v1/oee']} />
          ) : production === undefined ? (
            <p className="muted">Loading…</p>
          ) : production ? (
            <OeeTable compact />
          ) : (
            <NoProduction />
          )}
        </section>
        <section className="panel" aria-labelledby="ov-security">
          <h2 id="ov-security">Security posture</h2>
          {features.has('/api/v1/audit') ? <SecurityPosture /> : <ArrivesWith feature="hub security" routes={['/api/v1/audit', '/api/v1/me']} />}
        </section>
      </div>
      <section className="panel" aria-labelledby="ov-writes">
        <h2 id="ov-writes">Recent writes and approvals</h2>
        {features.has('/api/v1/writes') ? <RecentWrites /> : <ArrivesWith feature="hub security (the write gate)" routes={['/api/v1/writes']} />}
      </section>
    </>
  );
}
