/**
 * HTTP push load, run as a child process (`fork`): `clients` concurrent devices, each POSTing
 * batches of `batch` samples to /ingest/<source> over a kept-alive connection, one request after
 * the other, as fast as the hub answers. Each sample's value is its tag's sequence number. A 503
 * is answered by waiting Retry-After (never past the end of the run) and sending the same batch
 * again; a batch counts as accepted only with a 200.
 *
 * IPC as load.js: argv[2] options, 'ready', 'go' { at }, 'done' with the counts and the
 * request latency p50/p99 in ms.
 */
import { setTimeout } from 'node:timers';
import { performance } from 'node:perf_hooks';
import { Buffer } from 'node:buffer';
import http from 'node:http';

const opts = JSON.parse(process.argv[2]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const agent = new http.Agent({ keepAlive: true, maxSockets: opts.clients });
const url = new URL(`/ingest/${opts.source}`, opts.url);
const tagName = (i) => `t${String(i).padStart(3, '0')}`;

function post(body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'], text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const seqs = new Array(opts.tags).fill(0);
let next = 0;
const c = { ok: 0, busy: 0, retryAfter: 0, other: 0, accepted: 0, rejected: 0, lastOther: '' };
const lat = [];

function batchBody() {
  const now = Date.now();
  const parts = new Array(opts.batch);
  for (let i = 0; i < opts.batch; i++) {
    const tag = next;
    next = next + 1 === opts.tags ? 0 : next + 1;
    parts[i] = `{"tag":"${tagName(tag)}","value":${seqs[tag]++},"ts":${now}}`;
  }
  return `{"samples":[${parts.join(',')}]}`;
}

async function client(end) {
  while (performance.now() < end) {
    const body = batchBody();
    while (performance.now() < end) {
      const t = performance.now();
      const res = await post(body);
      lat.push(performance.now() - t);
      if (res.status === 200) {
        const answer = JSON.parse(res.text);
        c.ok++;
        c.accepted += answer.accepted;
        c.rejected += answer.rejected?.length ?? 0;
        break;
      }
      if (res.status === 503) {
        c.busy++;
        const ra = Number(res.retryAfter);
        if (Number.isFinite(ra) && res.retryAfter !== undefined) c.retryAfter++;
        await sleep(Math.min(Math.max(0, end - performance.now()), (Number.isFinite(ra) ? ra : 1) * 1000));
        continue;
      }
      c.other++;
      c.lastOther = `${res.status} ${res.text.slice(0, 200)}`;
      break;
    }
  }
}

async function main() {
  process.send({ type: 'ready' });
  const go = await new Promise((resolve) => process.on('message', (m) => m.type === 'go' && resolve(m)));
  if (go.at > Date.now()) await sleep(go.at - Date.now());
  const t0 = performance.now();
  const end = t0 + opts.seconds * 1000;
  await Promise.all(Array.from({ length: opts.clients }, () => client(end)));
  const seconds = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p) => lat[Math.min(lat.length - 1, Math.max(0, Math.ceil(p * lat.length) - 1))];
  process.send({ type: 'done', ...c, seconds, p50: q(0.5), p99: q(0.99) });
  agent.destroy();
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`HTTP load failed: ${e?.stack ?? e}\n`);
  process.exit(1);
});
