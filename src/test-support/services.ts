/**
 * Integration tests talk to real peers. Where a peer is missing they skip with a message that
 * names it; with CAUSEWAY_REQUIRE_SERVICES=1 (CI) a missing peer fails the test instead.
 */
import net from 'node:net';
import { describe } from 'vitest';

export const SERVICES = {
  postgres: { host: '127.0.0.1', port: 5432, name: 'PostgreSQL' },
  mosquitto: { host: '127.0.0.1', port: 1883, name: 'Mosquitto (MQTT)' },
  nats: { host: '127.0.0.1', port: 4222, name: 'NATS JetStream' },
  redis: { host: '127.0.0.1', port: 6379, name: 'Redis' },
  rabbitmq: { host: '127.0.0.1', port: 5672, name: 'RabbitMQ' },
} as const;
export type ServiceName = keyof typeof SERVICES;

/** True when a TCP connection to host:port opens within the timeout. */
export function canConnect(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** True when CI demands every service. */
export function servicesRequired(): boolean {
  return process.env.CAUSEWAY_REQUIRE_SERVICES === '1';
}

/**
 * A describe() that runs when the service answers, skips with a message naming it when it does
 * not, and fails when CAUSEWAY_REQUIRE_SERVICES=1.
 */
export async function describeWithService(service: ServiceName, title: string, body: () => void): Promise<void> {
  const s = SERVICES[service];
  const up = await canConnect(s.host, s.port);
  if (up) {
    describe(title, body);
    return;
  }
  const why = `${s.name} is not reachable at ${s.host}:${s.port}`;
  if (servicesRequired()) throw new Error(`${why}, and CAUSEWAY_REQUIRE_SERVICES=1 requires it. Start the service and run the tests again.`);
  console.warn(`skipping "${title}": ${why}. Start it to run these tests.`);
  describe.skip(`${title} (skipped: ${why})`, body);
}

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
