/** Samples per second and connection states from two reads of /metrics. */
import { getText } from '../api/client';
import { parsePrometheus, ratesBetween, type HubRates, type Scrape } from '../api/metrics';
import { useSession } from '../components/session';
import { usePoll, type Polled } from './use-poll';

// The last read, kept across pages so a page opened after another shows rates at once.
let previous: Scrape | undefined;
/** Two reads closer than this make a noisy rate: the older one is kept as the base. */
const MIN_GAP_MS = 900;

export type Rates = HubRates & { measured: boolean };

/**
 * The hub's rates, every `intervalMs`. /metrics counts the whole hub, so only a user whose grant
 * covers the whole site may read it: for a reader limited to zones nothing is asked, and `data`
 * stays undefined (see `useMayReadRates`).
 */
export function useHubRates(intervalMs = 2000): Polled<Rates | undefined> {
  const may = useMayReadRates();
  return usePoll(
    may ? 'metrics' : 'metrics-not-for-this-user',
    async (signal) => {
      if (!may) return undefined;
      const scrape = { at: Date.now(), samples: parsePrometheus(await getText('/metrics', signal)) };
      const base = previous && scrape.at - previous.at >= MIN_GAP_MS ? previous : undefined;
      if (!previous || base) previous = scrape;
      return { ...ratesBetween(base, scrape), measured: base !== undefined };
    },
    may ? intervalMs : 0,
  );
}

/** True when the session may read the hub's rates (a grant over the whole site). */
export function useMayReadRates(): boolean {
  return useSession().session.siteWide;
}
