/**
 * An HTTP push device: sends batches of samples whose value is a sequence number (unique per
 * sample, ts = base + seq), paced to a rate, one request at a time, and retries each request until
 * it gets 200 (bounded in time). A sample counts as acknowledged when a 200 answer accepted it.
 */
import { sleep } from './procs.js';
import type { Tally } from './count.js';

export interface PushOptions {
  url: () => string;
  sourceId: string;
  token: string;
  tag: string;
  /** Samples per second. */
  rate: number;
  /** Samples per request. */
  batch: number;
  /** ts of sample `seq` is base + seq (distinct per sample). */
  base: number;
  /** Give up on one request after this long without a 200. */
  maxRetryMs?: number;
}

/** One 503/429 answer as the device saw it. */
export interface Refusal {
  status: number;
  code: string | undefined;
  retryAfter: string | null;
}

export class PushDevice {
  readonly tally: Tally;
  readonly refusals: Refusal[] = [];
  /** Network errors (hub down) met while retrying. */
  networkErrors = 0;
  #next = 0;
  #stop = false;
  #opts: PushOptions;

  constructor(opts: PushOptions, tally: Tally) {
    this.#opts = opts;
    this.tally = tally;
  }

  /** Ask the loop to end after the request in hand got its 200. */
  stop(): void {
    this.#stop = true;
  }

  /** Push until stop() or `ms` elapsed; resolves when the last request was answered with 200. */
  async run(ms: number): Promise<void> {
    const o = this.#opts;
    const start = Date.now();
    const sentAtStart = this.#next;
    while (!this.#stop && Date.now() - start < ms) {
      const due = start + ((this.#next - sentAtStart) / o.rate) * 1000;
      if (due > Date.now()) await sleep(due - Date.now());
      await this.#sendBatch();
    }
  }

  async #sendBatch(): Promise<void> {
    const o = this.#opts;
    const first = this.#next;
    const seqs = Array.from({ length: o.batch }, (_, i) => first + i);
    this.#next += o.batch;
    for (const s of seqs) this.tally.sent(s);
    const body = JSON.stringify({ samples: seqs.map((s) => ({ tag: o.tag, value: s, ts: o.base + s })) });
    const deadline = Date.now() + (o.maxRetryMs ?? 120_000);
    for (;;) {
      if (Date.now() > deadline) throw new Error(`no 200 for samples ${first}..${first + o.batch - 1} within ${o.maxRetryMs ?? 120_000} ms`);
      let res: Response;
      try {
        res = await fetch(`${o.url()}/ingest/${o.sourceId}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${o.token}` }, body, signal: AbortSignal.timeout(30_000) });
      } catch {
        this.networkErrors++;
        await sleep(50);
        continue;
      }
      const text = await res.text().catch(() => '');
      if (res.status === 200) {
        this.#acknowledge(seqs, text);
        return;
      }
      await this.#refused(res, text, seqs.length);
    }
  }

  /** 200: every sample not listed as rejected is acknowledged. */
  #acknowledge(seqs: number[], text: string): void {
    const answer = JSON.parse(text) as { accepted: number; rejected?: Array<{ index: number }> };
    const rejected = new Set((answer.rejected ?? []).map((r) => r.index));
    seqs.forEach((s, i) => (rejected.has(i) ? this.tally.rejected(s) : this.tally.acknowledged(s)));
  }

  /** Anything but 200: note 503/429 with code and Retry-After, wait as told (at most 2 s), send again. */
  async #refused(res: Response, text: string, n: number): Promise<void> {
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { code?: string }).code;
    } catch {
      code = undefined;
    }
    const retryAfter = res.headers.get('retry-after');
    if (res.status === 503 || res.status === 429) {
      this.refusals.push({ status: res.status, code, retryAfter });
      this.tally.refused(n);
    }
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new Error(`the hub refused a batch for good: ${res.status} ${text}`);
    const wait = Math.min(2000, Math.max(50, Number(retryAfter ?? 0) * 1000 || 100));
    await sleep(wait);
  }
}
