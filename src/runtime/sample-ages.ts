/**
 * The age bookkeeping's two observers: the historian, whose batches count once its flush made them
 * durable (watched through its durable mark), and a sink's forwarder, whose batches count once the
 * destination acknowledged them (see connections.ts).
 */
import type { Historian } from '../historian/types.js';
import type { PipelineConsumer } from '../pipeline/log-reader.js';
import type { ArrivalRun, SampleAges } from '../pipeline/sample-age.js';

/** How often the historian's durable mark is looked at while batches wait for their flush. */
const DURABLE_POLL_MS = 20;

/** The historian as a consumer of the ingest spool: batches are durable once a flush stored them; their ages are observed then. */
export function historianConsumer(historian: Historian, ages: SampleAges, now: () => number): PipelineConsumer & { close(): void } {
  const durable = historian.durableMark?.bind(historian);
  const waiting: Array<{ mark: number; runs: readonly ArrivalRun[] }> = [];
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    timer = undefined;
    const through = durable!();
    let done = 0;
    while (done < waiting.length && waiting[done]!.mark <= through) ages.observe('historian', undefined, waiting[done++]!.runs, now());
    waiting.splice(0, done);
    if (waiting.length > 0) timer = setTimeout(check, DURABLE_POLL_MS).unref();
  };
  return {
    name: 'historian',
    handle: async (batch, mark, arrivals) => {
      await historian.write(batch, mark);
      // A historian without a durable mark stores in write(): the batch is durable now.
      if (!durable) return ages.observe('historian', undefined, arrivals, now());
      waiting.push({ mark, runs: arrivals });
      timer ??= setTimeout(check, DURABLE_POLL_MS).unref();
    },
    ...(durable ? { durableMark: durable, startMark: durable() } : {}),
    close() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
