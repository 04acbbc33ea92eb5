/**
 * The README runs as written. Every ```sh block of README.md is pasted, command by command and in
 * README order, into one bash session (test/readme-doc/shell.ts) in a folder of its own, next to a
 * demo plant started the way `npm start` starts it (`node bin/causeway.js demo`); the values the
 * README says to take from the banner are filled in from the banner this demo printed, by the
 * explicit table in test/readme-doc/table.ts, and each answer is checked against what the README
 * shows under the command. A block that cannot run here carries `<!-- doc-test: skip — why -->` or
 * `<!-- doc-test: covered by test/… -->` right before it; any other block runs, so a new example is
 * tested the day it is written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoConfig } from '../src/demo/config.js';
import { STANDARD_ENDPOINTS } from '../src/demo/protocol-sources.js';
import { freePort, servicesRequired } from '../src/test-support/services.js';
import { parseReadme, withoutComments, type Step } from './readme-doc/blocks.js';
import { startDemo, type DemoProcess } from './readme-doc/demo.js';
import { interrupt, ShellSession, type BackgroundJob, type StepResult } from './readme-doc/shell.js';
import { CHECKS, POLL_MS, substitute, type Check, type Context } from './readme-doc/table.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/causeway.js');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const parsed = parseReadme(README, ROOT);
const runnable = parsed.blocks.filter((b) => !b.mark);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The checks whose pattern matches a README command. */
const checksOf = (step: Step): Check[] => CHECKS.filter((c) => c.command.test(step.command));

/** The user's environment, without the test runner's CAUSEWAY_* settings. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CAUSEWAY_')));
  return { ...env, ...extra };
}

/** What is wrong with a command's answer, or undefined when it is what the README says. */
function verdict(r: StepResult, check: Check | undefined, cwd: string): string | undefined {
  if (r.code !== 0) return `exit code ${r.code}`;
  const bad = r.statuses.filter((s) => (check?.status !== undefined ? s !== check.status : s < 200 || s > 299));
  if (bad.length > 0) return `HTTP ${bad.join(', ')} (expected ${check?.status ?? '2xx'})`;
  if (check?.status !== undefined && r.statuses.length === 0) return `no HTTP answer (expected ${check.status})`;
  for (const re of check?.stdout ?? []) if (!re.test(r.stdout)) return `the answer does not match ${re}`;
  const files = readdirSync(cwd);
  for (const re of check?.files ?? []) if (!files.some((f) => re.test(f))) return `no file matching ${re} in the working folder (${files.join(', ')})`;
  return undefined;
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

describe("README.md: the shell blocks and their marks", () => {
  it('runs every shell block or says, right before it, why not (skip with a reason, or the test that covers it)', () => {
    expect(parsed.problems).toEqual([]);
    const marked = parsed.blocks.filter((b) => b.mark);
    console.info(`README: ${runnable.length} shell blocks run, ${marked.length} marked:\n${marked.map((b) => `  line ${b.line} (${b.section}): ${b.mark!.kind} — ${b.mark!.text}`).join('\n')}`);
    expect(runnable.length).toBeGreaterThan(marked.length);
  });

  it('has a check for every command the README shows an answer for, and no check that matches nothing', () => {
    const steps = runnable.flatMap((b) => b.steps);
    const unchecked = steps.filter((s) => s.answer.length > 0 && checksOf(s).length === 0).map((s) => `line ${s.line}: ${s.command}`);
    expect(unchecked, 'add a check to test/readme-doc/table.ts').toEqual([]);
    const ambiguous = steps.filter((s) => checksOf(s).length > 1).map((s) => `line ${s.line}: ${s.command}`);
    expect(ambiguous).toEqual([]);
    const stale = CHECKS.filter((c) => !steps.some((s) => c.command.test(s.command))).map((c) => String(c.command));
    expect(stale, 'checks that match no README command').toEqual([]);
  });

  it('names one host for the hub, the demo\'s default http://127.0.0.1:8080, as the banner prints it', () => {
    expect(README).not.toMatch(/localhost:\d+/);
    const hosts = runnable.flatMap((b) => b.steps).flatMap((s) => [...s.command.matchAll(/https?:\/\/[\w.-]+:\d+/g)].map((m) => m[0]));
    expect(new Set(hosts)).toEqual(new Set(['http://127.0.0.1:8080']));
    expect(execFileSync(process.execPath, [BIN, 'demo', '--help'], { encoding: 'utf8' })).toMatch(/--port <port>.*\(default:\s+8080,/s);
  });

  it("shows the demo's own conduits under Security in the demo", () => {
    const at = README.indexOf('### Security in the demo');
    const block = /```yaml\n(conduits:[\s\S]*?)```/.exec(README.slice(at))?.[1];
    expect(block, 'the conduits block under "Security in the demo"').toBeDefined();
    const shown = (parse(block!) as { conduits: unknown[] }).conduits;
    for (const simulated of [false, true]) {
      const real = (demoConfig({ seed: 42, ...(simulated ? {} : { devices: STANDARD_ENDPOINTS }) }).conduits ?? []).map(({ from, to, allow, require }) => ({ from, to, allow, ...(require ? { require } : {}) }));
      expect(shown).toEqual(real);
    }
  });
});

describe('README.md runs as written against the demo plant', () => {
  let cwd: string;
  let stepsDir: string;
  let demo: DemoProcess | undefined;
  let session: ShellSession;
  let ctx: Context;
  let sessionPort: number;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` (CI does) before this test.');
    cwd = mkdtempSync(join(tmpdir(), 'causeway-readme-'));
    stepsDir = mkdtempSync(join(tmpdir(), 'causeway-readme-steps-'));
    // The demo ERP writes its orders to a CSV inbox here rather than into the shared PostgreSQL.
    demo = await startDemo({ bin: BIN, cwd, env: userEnv({ CAUSEWAY_DEMO_ERP: 'folder' }), timeoutMs: 150_000 });
    sessionPort = await freePort();
    ctx = { banner: demo.banner, ownPlantPort: await freePort(), adminPassword: randomBytes(18).toString('base64url'), lastId: undefined };
    const env = userEnv({ CAUSEWAY_PORT: String(sessionPort), CAUSEWAY_USER_PASSWORD: randomBytes(18).toString('base64url') });
    session = new ShellSession({ cwd, stepsDir, env, bin: BIN });
  }, 180_000);

  afterAll(async () => {
    session?.close();
    const stopped = await demo?.stop();
    rmSync(cwd, { recursive: true, force: true });
    rmSync(stepsDir, { recursive: true, force: true });
    expect(stopped, 'the demo stops on Ctrl-C').not.toBe(false);
  }, 90_000);

  /** Wait until a hub started in the background answers its health, on `port`. */
  async function ready(job: BackgroundJob, port: string, line: number): Promise<void> {
    const end = Date.now() + 120_000;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok, () => false);
      if (ok) return;
      if (Date.now() > end) throw new Error(`README line ${line}: the hub did not answer on port ${port}\n${job.stdout().slice(-3000)}\n${job.stderr().slice(-3000)}`);
      await sleep(500);
    }
  }

  /** Run one README command as the user would, and check its answer. */
  async function runStep(step: Step, jobs: Array<{ job: BackgroundJob; line: number }>): Promise<void> {
    const [check] = checksOf(step);
    const command = substitute(step.command, ctx);
    expect(withoutComments(command), `README line ${step.line}: a placeholder is left after the substitutions`).not.toMatch(/<[a-z][\w -]*>|…/i);
    if (/^\s*mosquitto_sub\b/.test(command) && !onPath('mosquitto_sub')) {
      const why = 'mosquitto_sub (package mosquitto-clients) is not installed';
      if (servicesRequired()) throw new Error(`README line ${step.line}: ${why}, and CAUSEWAY_REQUIRE_SERVICES=1 requires it.`);
      console.warn(`skipping README line ${step.line}: ${why}.`);
      return;
    }
    if (check?.background) {
      const job = await session.background(command);
      jobs.push({ job, line: step.line });
      await ready(job, /--port (\d+)/.exec(command)?.[1] ?? String(sessionPort), step.line);
      for (const re of check.stdout ?? []) expect(job.stdout(), `README line ${step.line}`).toMatch(re);
      return;
    }
    const end = Date.now() + POLL_MS;
    for (;;) {
      const r = await session.run(command);
      const failure = verdict(r, check, cwd);
      if (!failure) {
        ctx.lastId = /^\{"id":"([^"]+)"/.exec(r.stdout)?.[1] ?? ctx.lastId;
        return;
      }
      if (!check?.poll || Date.now() > end) {
        throw new Error(`README line ${step.line}: ${failure}\n$ ${command}\n--- stdout ---\n${r.stdout.slice(0, 3000)}\n--- stderr ---\n${r.stderr.slice(0, 3000)}`);
      }
      await sleep(1000);
    }
  }

  for (const block of runnable) {
    it(`${block.section} (README line ${block.line})`, async () => {
      const jobs: Array<{ job: BackgroundJob; line: number }> = [];
      try {
        for (const step of block.steps) await runStep(step, jobs);
      } finally {
        // Ctrl-C to the hubs this block started in the foreground, before the next block.
        for (const { job } of jobs.reverse()) await interrupt(job.pgid);
      }
      for (const { job, line } of jobs) expect(job.stdout(), `README line ${line}: the hub stops cleanly on Ctrl-C`).toMatch(/Stopped cleanly/);
    }, 240_000);
  }
});
