/**
 * The benchmark's private Mosquitto: `mosquitto -c <conf>` on a free loopback port, anonymous
 * allowed, stopped by PID. Never the machine's shared broker on 1883.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canConnect, freePort, startProcess, stopProcess, until } from './procs.js';

const BINARIES = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto', '/usr/local/sbin/mosquitto', '/usr/local/bin/mosquitto'];

/** The mosquitto binary, or undefined when it is not installed. */
export function mosquittoBinary() {
  return BINARIES.find((b) => existsSync(b));
}

/**
 * Start the broker in `dir`. Queues are unbounded (max_queued_messages 0) so a slow consumer shows
 * as late messages rather than as messages the broker threw away, and up to 1,000 QoS 1 messages may
 * be in flight to each client (default 20), so the broker's window does not cap a fast consumer.
 */
export async function startMosquitto(dir) {
  const bin = mosquittoBinary();
  if (!bin) throw new Error('mosquitto is not installed (apt-get install mosquitto)');
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const conf = path.join(dir, 'mosquitto.conf');
  const lines = [`listener ${port} 127.0.0.1`, 'allow_anonymous true', 'max_queued_messages 0', 'max_inflight_messages 1000', 'persistence false', 'log_type error', 'log_type warning'];
  // As root mosquitto would switch to the "mosquitto" user, who cannot read our temp dir.
  if (process.getuid?.() === 0) lines.push('user root');
  writeFileSync(conf, `${lines.join('\n')}\n`);
  const proc = startProcess(bin, ['-c', conf], { logFile: path.join(dir, 'mosquitto.log') });
  const up = await until(async () => !proc.alive() || (await canConnect('127.0.0.1', port)), 20_000, 50);
  if (!up || !proc.alive()) throw new Error(`the private Mosquitto did not start on port ${port}:\n${proc.tail()}`);
  return {
    port,
    pid: proc.pid,
    url: `mqtt://127.0.0.1:${port}`,
    stop: () => stopProcess(proc, 'SIGTERM', 10_000),
  };
}
