/**
 * The demo plant as a user starts it: `node bin/causeway.js demo` (what `npm start` runs) in a
 * folder of its own, so its data is in `.causeway/demo` there as the README says; on a free API
 * port (`--port 0`; the devices and the broker pick free ports anyway). The banner on stdout is
 * where the README sends the user for passwords, ports and PIDs; it is read here the same way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { groupAlive, interrupt } from './shell.js';

/** What the README's placeholders stand for, as the banner prints them. */
export interface BannerValues {
  url: string;
  brokerPort: string;
  unsReaderPassword: string;
  /** admin, operator, approver, auditor → password. */
  passwords: Record<string, string>;
  modbusPid: string;
}

export interface DemoProcess {
  banner: BannerValues;
  /** Everything the demo printed so far (banner and log). */
  output(): string;
  /** Ctrl-C, as the README says; true when the demo stopped by itself. */
  stop(): Promise<boolean>;
}

/** The banner's values, or the name of the first one missing. */
export function readBanner(text: string): BannerValues | string {
  const url = /^\s*API (http:\/\/127\.0\.0\.1:\d+)\s/m.exec(text)?.[1];
  const sub = /mosquitto_sub -h 127\.0\.0\.1 -p (\d+) -u uns-reader -P '([^']+)'/.exec(text);
  const modbus = /^\s*Modbus TCP PLC\s+pid (\d+)\s/m.exec(text)?.[1];
  const passwords = Object.fromEntries([...text.matchAll(/^ {4}(admin|operator|approver|auditor)\s+[\w-]+\s+([A-Za-z0-9_-]{12,})\s/gm)].map((m) => [m[1]!, m[2]!]));
  if (!url) return 'the API URL';
  if (!sub) return 'the mosquitto_sub line';
  if (!modbus) return "the Modbus PLC's pid";
  for (const name of ['operator', 'approver', 'auditor']) if (!passwords[name]) return `the ${name}'s password`;
  return { url, brokerPort: sub[1]!, unsReaderPassword: sub[2]!, passwords, modbusPid: modbus };
}

/** Health as anyone may read it. */
async function health(url: string): Promise<{ sources?: { total: number; connected: number }; sinks?: { total: number; connected: number } } | undefined> {
  try {
    const res = await fetch(`${url}/api/v1/health`);
    return res.ok ? ((await res.json()) as never) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Start the demo in `cwd` and wait for its banner, then until every source and sink is connected
 * (a user reads the banner first; the README's answers assume a plant that runs).
 */
export async function startDemo(o: { bin: string; cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<DemoProcess> {
  const child: ChildProcess = spawn(process.execPath, [o.bin, 'demo', '--port', '0'], { cwd: o.cwd, env: o.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => void (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (out += d.toString()));
  let exited: string | undefined;
  child.on('exit', (code, signal) => void (exited = `the demo exited (${signal ?? code})`));
  const demo: DemoProcess = {
    banner: undefined as unknown as BannerValues,
    output: () => out,
    async stop() {
      if (exited || !groupAlive(child.pid!)) return true;
      return interrupt(child.pid!);
    },
  };
  const end = Date.now() + o.timeoutMs;
  const fail = async (why: string): Promise<never> => {
    await demo.stop();
    throw new Error(`${why}\n--- the demo's output ---\n${out.slice(-6000)}`);
  };
  // The banner ends with the API-token lines.
  while (!/prints a secret once/.test(out)) {
    if (exited) await fail(exited);
    if (Date.now() > end) await fail(`no banner within ${o.timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const banner = readBanner(out);
  if (typeof banner === 'string') return fail(`the banner does not show ${banner}`);
  demo.banner = banner;
  for (;;) {
    const h = await health(banner.url);
    if (h?.sources && h.sources.total > 0 && h.sources.connected === h.sources.total && h.sinks?.connected === h.sinks?.total) break;
    if (exited) await fail(exited);
    if (Date.now() > end) await fail(`the demo's sources were not all connected within ${o.timeoutMs / 1000} s: ${JSON.stringify(h)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return demo;
}
