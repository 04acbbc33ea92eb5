/** Samples per second and connection states from two reads of /metrics. */
import { getText } from '../api/client';
import { parsePrometheus, ratesBetween, type HubRates, type Scrape } from '../api/metrics';
import { usePoll, type Polled } from './use-poll';

// The last read, kept across pages so a page opened after another shows rates at once.
let previous: Scrape | undefined;
/** Two reads closer than this make a noisy rate: the older one is kept as the base. */
const MIN_GAP_MS = 900;

export function useHubRates(intervalMs = 2000): Polled<HubRates & { measured: boolean }> {
  return usePoll(
    'metrics',
    async (signal) => {
      const scrape = { at: Date.now(), samples: parsePrometheus(await getText('/metrics', signal)) };
      const base = previous && scrape.at - previous.at >= MIN_GAP_MS ? previous : undefined;
      if (!previous || base) previous = scrape;
      return { ...ratesBetween(base, scrape), measured: base !== undefined };
    },
    intervalMs,
  );
}
