/**
 * One bash process for the whole README, as a user pastes its blocks into one terminal: variables
 * (`$OP_CSRF`, `$F`), functions (`login`) and cookie jars in the working folder carry from block
 * to block. Each command runs as `{ command; } > out 2> err`, so its answer is read on its own.
 *
 * Two helpers are defined in the session and are the only things it adds to what a user has:
 * - `curl` records each answer's HTTP status on stderr (`-w '%{stderr}…'`); the request is the
 *   README's, unchanged.
 * - `npx causeway …` runs this checkout's bin/causeway.js (the temp folder is no npm project, and
 *   `npx` would otherwise fetch a package of that name from the registry); any other `npx` fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StepResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The HTTP status of each curl answer, in order. */
  statuses: number[];
}

/** A command started in the background (a hub in the foreground, for the user). */
export interface BackgroundJob {
  /** Its process group, for SIGINT (Ctrl-C) to the whole job. */
  pgid: number;
  stdout: () => string;
  stderr: () => string;
}

const STATUS = /@@http (\d{3})\n?/g;

function prelude(bin: string): string {
  return [
    `curl() { command curl -w '%{stderr}@@http %{http_code}\\n' "$@"; }`,
    `npx() { if [ "$1" = causeway ]; then shift; ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} "$@"; else echo "the doc test runs only 'npx causeway' (this checkout's bin/causeway.js)" >&2; return 127; fi; }`,
    '',
  ].join('\n');
}

export class ShellSession {
  readonly #bash: ChildProcess;
  readonly #stepsDir: string;
  #n = 0;
  #stdout = '';
  #closed: string | undefined;
  #wake: (() => void) | undefined;

  /** A bash in `cwd` with `env`; each command's output goes to files in `stepsDir`. */
  constructor(o: { cwd: string; stepsDir: string; env: NodeJS.ProcessEnv; bin: string }) {
    this.#stepsDir = o.stepsDir;
    this.#bash = spawn('bash', ['--noprofile', '--norc'], { cwd: o.cwd, env: o.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    this.#bash.stdout!.on('data', (d: Buffer) => {
      this.#stdout += d.toString();
      this.#wake?.();
    });
    this.#bash.stderr!.on('data', (d: Buffer) => void (this.#stdout += `[bash] ${d.toString()}`));
    this.#bash.on('exit', (code, signal) => {
      this.#closed = `the shell ended (${signal ?? code})`;
      this.#wake?.();
    });
    this.#bash.stdin!.write(prelude(o.bin));
  }

  #files(n: number) {
    return { out: join(this.#stepsDir, `${n}.out`), err: join(this.#stepsDir, `${n}.err`), pid: join(this.#stepsDir, `${n}.pid`) };
  }

  /** Send `script`, which ends by printing `@@done <n> <code>`; resolve with the code. */
  async #send(n: number, script: string, timeoutMs: number): Promise<number> {
    if (this.#closed) throw new Error(this.#closed);
    const done = new RegExp(`@@done ${n} (\\d+)\\n`);
    this.#bash.stdin!.write(script);
    const end = Date.now() + timeoutMs;
    for (;;) {
      const m = done.exec(this.#stdout);
      if (m) return Number(m[1]);
      if (this.#closed) throw new Error(this.#closed);
      if (Date.now() > end) {
        this.close();
        throw new Error(`no answer within ${timeoutMs / 1000} s; the shell was stopped`);
      }
      await new Promise<void>((r) => {
        this.#wake = r;
        setTimeout(r, 200);
      });
    }
  }

  /** Run one command in the session and collect its answer. */
  async run(command: string, timeoutMs = 60_000): Promise<StepResult> {
    const n = ++this.#n;
    const f = this.#files(n);
    const code = await this.#send(n, `{ ${command}\n} > '${f.out}' 2> '${f.err}' < /dev/null\necho "@@done ${n} $?"\n`, timeoutMs);
    const stderr = readFileSync(f.err, 'utf8');
    return { code, stdout: readFileSync(f.out, 'utf8'), stderr: stderr.replace(STATUS, ''), statuses: [...stderr.matchAll(STATUS)].map((m) => Number(m[1])) };
  }

  /** Start one command in the background, in a process group of its own (job control on for it). */
  async background(command: string): Promise<BackgroundJob> {
    const n = ++this.#n;
    const f = this.#files(n);
    await this.#send(n, `set -m\n{ ${command}\n} > '${f.out}' 2> '${f.err}' < /dev/null &\necho $! > '${f.pid}'\nset +m\necho "@@done ${n} 0"\n`, 10_000);
    return { pgid: Number(readFileSync(f.pid, 'utf8').trim()), stdout: () => readFileSync(f.out, 'utf8'), stderr: () => readFileSync(f.err, 'utf8') };
  }

  /** Stop the shell and whatever it still runs. */
  close(): void {
    if (this.#closed) return;
    this.#closed = 'the shell was closed';
    try {
      process.kill(-this.#bash.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** True while a process group has members. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Ctrl-C to a process group, then wait until it is gone (SIGKILL after `ms`); true when it ended by itself. */
export async function interrupt(pgid: number, ms = 60_000): Promise<boolean> {
  try {
    process.kill(-pgid, 'SIGINT');
  } catch {
    return true;
  }
  const end = Date.now() + ms;
  while (groupAlive(pgid)) {
    if (Date.now() > end) {
      process.kill(-pgid, 'SIGKILL');
      return false;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return true;
}
