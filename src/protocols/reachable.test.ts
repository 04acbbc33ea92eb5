import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../test-support/services.js';
import { peerOfUrl, peerReturns, tcpReachable } from './reachable.js';

const listen = (port: number) => new Promise<Server>((resolve) => {
  const s = createServer((socket) => socket.destroy());
  s.listen(port, '127.0.0.1', () => resolve(s));
});

describe('peer reachability over TCP', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  it('tells a listening port from a closed one', async () => {
    const port = await freePort();
    expect(await tcpReachable({ host: '127.0.0.1', port }, 1000)).toBe(false);
    servers.push(await listen(port));
    expect(await tcpReachable({ host: '127.0.0.1', port }, 1000)).toBe(true);
  });

  it('resolves once a peer that refused starts accepting, not before', async () => {
    const port = await freePort();
    const abort = new AbortController();
    let listening = false;
    const back = peerReturns({ host: '127.0.0.1', port }, abort.signal, { intervalMs: 10 }).then(() => listening);
    // Let it find the port closed a few times first.
    await new Promise((r) => setTimeout(r, 50));
    servers.push(await listen(port));
    listening = true;
    expect(await back).toBe(true);
    expect(abort.signal.aborted).toBe(false);
  });

  it('does not count a peer that accepted from the first probe on: its failure is above TCP', async () => {
    const port = await freePort();
    servers.push(await listen(port));
    const abort = new AbortController();
    const back = peerReturns({ host: '127.0.0.1', port }, abort.signal, { intervalMs: 5 }).then(() => abort.signal.aborted);
    await new Promise((r) => setTimeout(r, 100));
    abort.abort();
    // It resolved only because it was stopped.
    expect(await back).toBe(true);
  });

  it.each([
    ['opc.tcp://plc-1:4840/UA/Server', { host: 'plc-1', port: 4840 }],
    ['opc.tcp://plc-1/UA', { host: 'plc-1', port: 4840 }],
    ['https://erp.example/in', { host: 'erp.example', port: 443 }],
    ['http://[::1]:8081/x', { host: '::1', port: 8081 }],
    ['not a url', undefined],
  ])('finds host and port in %s', (url, peer) => {
    expect(peerOfUrl(url, { 'opc.tcp': 4840, http: 80, https: 443 })).toEqual(peer);
  });
});
