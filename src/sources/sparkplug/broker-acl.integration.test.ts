/** A Sparkplug host whose broker user may not read the group: the link says so, in plain words. */
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../broker/index.js';
import { isCausewayError } from '../../core/errors.js';
import { freePort } from '../../test-support/services.js';
import { SparkplugLink } from './connection.js';

let broker: EmbeddedBroker | undefined;
afterEach(async () => broker?.close());

describe('Sparkplug host on a broker with ACLs', () => {
  it('fails to connect naming the refused subscription when its user may not read the group', async () => {
    broker = await startEmbeddedBroker({ port: await freePort(), users: [{ username: 'reader', password: 'reader-pw-1', role: 'uns-reader' }], logger: pino({ level: 'silent' }) });
    const e = await SparkplugLink.open({
      sourceId: 'sp', url: broker.url, clientId: 'sp-host', username: 'reader', password: 'reader-pw-1', hostId: 'h',
      subscriptions: ['spBv1.0/Springfield/#', 'spBv1.0/STATE/h'], stateTimestamp: Date.now(), onMessage: () => undefined, onLost: () => undefined,
    }, new AbortController().signal).then(() => undefined, (err: unknown) => err);
    expect(isCausewayError(e, 'CW_SOURCE_CONNECT_FAILED'), String(e)).toBe(true);
    expect((e as Error).message).toContain('the broker refused the subscription to spBv1.0/Springfield/# (may this user read there?)');
    expect(broker.denials().subscribe).toBe(2);
  });
});
