import { ErrorWithReasonCode } from 'mqtt';
import { describe, expect, it } from 'vitest';
import { isCausewayError } from '../../core/errors.js';
import { brokerTarget, linkError, type LinkOptions } from './connection.js';
import { defaultClientId, mqttSource, type MqttConfig } from './index.js';
import { rig } from './test-kit.js';

const LINK: LinkOptions = { sourceId: 'mq', url: 'mqtt://user:pw@broker.plant:1884', clientId: 'c', username: 'hub', clean: false, keepalive: 30, connectTimeoutMs: 10_000 };

describe('MQTT source definition', () => {
  it('is a self-describing push source', () => {
    expect(mqttSource.kind).toBe('mqtt');
    expect(mqttSource.dynamicTags).toBe(true);
    expect(defaultClientId('line1-mqtt')).toBe('causeway-line1-mqtt');
  });

  it.each<[string, unknown, RegExp]>([
    ['a missing url', { subscriptions: [{ topic: 'a', tag: 'a' }] }, /config must have required properties url/],
    ['a bad url', { url: 'http://x', subscriptions: [{ topic: 'a', tag: 'a' }] }, /config\.url/],
    ['an unknown key', { url: 'mqtt://x', subscription: [] }, /config has unknown key "subscription"/],
    ['a bad mapping', { url: 'mqtt://x', subscriptions: [{ topic: 'a/+m', tag: '{x}' }] }, /uses \{x\}, which the topic does not capture/],
  ])('refuses %s with CW_SOURCE_CONFIG_INVALID', (_name, config, problem) => {
    let err: unknown;
    try {
      rig(config as MqttConfig);
    } catch (e) {
      err = e;
    }
    expect(isCausewayError(err, 'CW_SOURCE_CONFIG_INVALID')).toBe(true);
    expect((err as Error).message).toMatch(problem);
  });

  it('subscribes once to overlapping filters, and inspects without connecting', () => {
    const r = rig({ url: 'mqtt://broker:1883', subscriptions: [{ topic: 'p/+l/+m/t', tag: '{l}' }, { topic: 'p/#', tag: 'all', qos: 0 }] }, { tags: [{ id: 'x', topic: 'q/x' }] });
    expect(r.source.inspect()).toMatchObject({
      broker: 'broker:1883',
      clientId: 'causeway-mq',
      cleanSession: false,
      connected: false,
      subscriptions: [{ topic: 'p/#', qos: 1 }, { topic: 'q/x', qos: 1 }],
      quarantine: { total: 0 },
    });
  });
});

describe('link errors', () => {
  it('names the broker without credentials', () => {
    expect(brokerTarget('mqtt://user:pw@broker.plant:1884')).toBe('broker.plant:1884');
    expect(brokerTarget('mqtts://broker.plant')).toBe('broker.plant:8883');
    expect(brokerTarget('mqtt://broker.plant')).toBe('broker.plant:1883');
  });

  it.each<[unknown, string, boolean, string]>([
    [new ErrorWithReasonCode('Connection refused: Bad username or password', 4), 'CW_SOURCE_AUTH_FAILED', false, 'The server at broker.plant:1884 refused the login of source mq as hub (Bad username or password, code 4).'],
    [new ErrorWithReasonCode('Connection refused: Not authorized', 135), 'CW_SOURCE_AUTH_FAILED', false, 'The server at broker.plant:1884 refused the login of source mq as hub (Not authorized, code 135).'],
    [new ErrorWithReasonCode('Connection refused: Identifier rejected', 2), 'CW_SOURCE_CONNECT_FAILED', true, 'Cannot reach mq at broker.plant:1884: the broker refused the connection (Identifier rejected, code 2).'],
    [Object.assign(new Error('getaddrinfo ENOTFOUND broker.plant'), { code: 'ENOTFOUND' }), 'CW_SOURCE_CONNECT_FAILED', true, 'Cannot reach mq at broker.plant:1884: the host name is not known.'],
    [new Error('connack timeout'), 'CW_SOURCE_CONNECT_FAILED', true, 'Cannot reach mq at broker.plant:1884: the broker did not accept the connection within 10000 ms.'],
    [Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), 'CW_SOURCE_CONNECT_FAILED', true, 'Cannot reach mq at broker.plant:1884: the TLS handshake failed (self-signed certificate).'],
  ])('maps %s', (cause, code, retryable, message) => {
    const e = linkError(LINK, cause);
    expect(e.code).toBe(code);
    expect(e.retryable).toBe(retryable);
    expect(e.message).toBe(message);
    expect(JSON.stringify(e.toJSON())).not.toContain('pw');
  });
});
