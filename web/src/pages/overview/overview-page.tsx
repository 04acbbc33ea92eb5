/** Plant health at a glance, for managers and anyone arriving: is data flowing, is anything down. */
import { get } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { useHubRates, useMayReadRates } from '../../lib/use-hub-rates';
import { usePoll } from '../../lib/use-poll';
import { HealthProblems, HealthTiles } from './health-tiles';
import { PlantPanels } from './plant-panels';
import { SampleAgePanel } from './sample-age-panel';
import { SinksPanel } from './sinks-panel';
import { SourcesPanel } from './sources-panel';

const REFRESH_MS = 2000;

export function OverviewPage() {
  const health = usePoll('health', (signal) => get('/api/v1/health', { signal }), REFRESH_MS);
  const sources = usePoll('sources', (signal) => get('/api/v1/sources', { signal }), REFRESH_MS);
  const sinks = usePoll('sinks', (signal) => get('/api/v1/sinks', { signal }), REFRESH_MS);
  const rates = useHubRates(REFRESH_MS);
  const ratesAllowed = useMayReadRates();
  return (
    <>
      <h1>Overview</h1>
      <ProblemNotice error={health.error} context="Hub health" />
      <HealthTiles health={health.data} sources={sources.data?.sources} rates={rates.data} ratesAllowed={ratesAllowed} />
      <HealthProblems health={health.data} />
      <div className="grid-2">
        <SourcesPanel sources={sources.data?.sources} rates={rates.data?.measured ? rates.data : undefined} error={sources.error} />
        <SinksPanel rates={rates.data} health={health.data} sinks={sinks.data?.sinks} error={rates.error ?? sinks.error} />
      </div>
      <SampleAgePanel health={health.data} />
      <PlantPanels production={health.data?.production} />
    </>
  );
}
