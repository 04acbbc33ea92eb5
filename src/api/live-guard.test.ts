import { describe, expect, it } from 'vitest';
import type { Principal } from '../security/index.js';
import { LiveSockets, originAllowed } from './live-guard.js';

const who = (id: string) => ({ user: { id }, actor: id }) as unknown as Principal;

describe('originAllowed', () => {
  it.each([
    [undefined, '127.0.0.1:8080', [], true],
    ['http://127.0.0.1:8080', '127.0.0.1:8080', [], true],
    ['https://HUB.example.com', 'hub.example.com', [], true],
    ['https://hub.example.com:443', 'hub.example.com', [], true],
    ['http://evil.example', '127.0.0.1:8080', [], false],
    ['http://127.0.0.1:9090', '127.0.0.1:8080', [], false],
    ['null', '127.0.0.1:8080', [], false],
    ['file://', '127.0.0.1:8080', [], false],
    ['not a url', '127.0.0.1:8080', [], false],
    ['https://scada.example.com', '10.0.0.5:8080', ['https://scada.example.com'], true],
    ['https://scada.example.com:8443', '10.0.0.5:8080', ['https://scada.example.com'], false],
    ['http://scada.example.com', '10.0.0.5:8080', ['https://scada.example.com'], false],
  ] as const)('origin %s to host %s (allowed %j): %s', (origin, host, allowed, ok) => {
    expect(originAllowed(origin, host, allowed)).toBe(ok);
  });
});

describe('LiveSockets', () => {
  it('refuses past the per-user limit and past the total, and counts released sockets out once', () => {
    const s = new LiveSockets({ maxSockets: 3, maxSocketsPerUser: 2 });
    const a1 = s.take(who('a'));
    s.take(who('a'));
    expect(s.refusal(who('a'))).toMatchObject({ code: 'CW_API_TOO_MANY_SOCKETS', status: 429, message: expect.stringContaining('api.limits.maxSocketsPerUser') });
    expect(s.refusal(who('b'))).toBeUndefined();
    s.take(who('b'));
    expect(s.refusal(who('c'))).toMatchObject({ code: 'CW_API_TOO_MANY_SOCKETS', message: expect.stringContaining('(api.limits.maxSockets)') });
    a1();
    a1();
    expect(s.total).toBe(2);
    expect(s.refusal(who('a'))).toBeUndefined();
  });
});
