/**
 * A cheap sign that a peer is back: a TCP connect to its host and port, closed at once. Used by
 * sources and sinks (through retryWhen) so the supervisor can retry the full, expensive connect as
 * soon as a peer that was unreachable accepts connections again, instead of waiting out a long backoff.
 */
import { connect } from 'node:net';

export interface Peer {
  host: string;
  port: number;
}

/** Resolves true when a TCP connection to the peer opens within timeoutMs, false otherwise (refused, unreachable, timeout, abort). */
export function tcpReachable(peer: Peer, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const socket = connect({ host: peer.host, port: peer.port });
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(ok);
    };
    const onAbort = () => finish(false);
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Resolves when the peer accepts a TCP connection after having refused at least one: it came back.
 * A peer that accepts from the first probe on (its failure is above TCP) does not count. Also
 * resolves, and stops probing, when `signal` aborts.
 */
export async function peerReturns(peer: Peer, signal: AbortSignal, o: { intervalMs?: number; timeoutMs?: number } = {}): Promise<void> {
  const intervalMs = o.intervalMs ?? 1000;
  const timeoutMs = o.timeoutMs ?? 1000;
  let wasDown = false;
  while (!signal.aborted) {
    const started = Date.now();
    const up = await tcpReachable(peer, timeoutMs, signal);
    if (signal.aborted) return;
    if (up && wasDown) return;
    if (!up) wasDown = true;
    await new Promise<void>((resolve) => {
      const t = setTimeout(done, Math.max(0, intervalMs - (Date.now() - started)));
      function done() {
        clearTimeout(t);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

/** The host and port of a URL, with the scheme's default port; undefined when it has no host. */
export function peerOfUrl(url: string, defaultPorts: Readonly<Record<string, number>>): Peer | undefined {
  try {
    const u = new URL(url);
    const port = u.port ? Number(u.port) : defaultPorts[u.protocol.replace(/:$/, '')];
    const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
    return host && port ? { host, port } : undefined;
  } catch {
    return undefined;
  }
}
