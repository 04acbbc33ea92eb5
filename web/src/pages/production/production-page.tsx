/** Production: OEE per line and the work orders, started and completed from here. */
import { get } from '../../api/client';
import { useFeatures } from '../../api/features';
import { ArrivesWith } from '../../components/arrives-with';
import { usePoll } from '../../lib/use-poll';
import { NoProduction } from './no-production';
import { OeeTable } from './oee-table';
import { Stops } from './stops';
import { WorkOrders } from './work-orders';

export function ProductionPage() {
  const features = useFeatures();
  // Whether the config has a production block; its routes answer 404 otherwise.
  const production = usePoll('health-production', (signal) => get('/api/v1/health', { signal })).data?.production;
  const ready = features.has('/api/v1/work-orders') && features.has('/api/v1/oee');
  return (
    <>
      <h1>Production</h1>
      {features.ready && !ready ? (
        <ArrivesWith feature="production" routes={['/api/v1/work-orders', '/api/v1/oee']}>
          <p>Then this page lists the work orders per line, starts and completes them, and shows availability, performance, quality and OEE per line as they update.</p>
        </ArrivesWith>
      ) : null}
      {features.ready && ready && production === false ? <NoProduction /> : null}
      {features.ready && ready && production ? (
        <>
          <section className="panel" aria-labelledby="prod-oee">
            <h2 id="prod-oee">OEE per line, last 24 hours</h2>
            <OeeTable />
          </section>
          <section className="panel" aria-labelledby="prod-stops">
            <h2 id="prod-stops">Stops and their reasons, last 24 hours</h2>
            <Stops />
          </section>
          <section className="panel" aria-labelledby="prod-orders">
            <h2 id="prod-orders">Work orders</h2>
            <WorkOrders />
          </section>
        </>
      ) : null}
    </>
  );
}
