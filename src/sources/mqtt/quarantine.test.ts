import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { Quarantine, QUARANTINE_RECENT_MS } from './quarantine.js';

function spy(): { logger: Logger; warns: unknown[][] } {
  const warns: unknown[][] = [];
  return { logger: { warn: (...a: unknown[]) => void warns.push(a) } as unknown as Logger, warns };
}

describe('quarantine book', () => {
  it('counts per reason, keeps the last with the first 1 KiB of payload', () => {
    const { logger } = spy();
    const q = new Quarantine('mq', logger);
    q.add('a', Buffer.from('{"x'), { reason: 'not_json', problem: 'p1' }, 1000);
    q.add('b', Buffer.from('y'.repeat(5000)), { reason: 'too_large', problem: 'p2' }, 2000);
    const snap = q.snapshot();
    expect(snap.total).toBe(2);
    expect(snap.counts).toMatchObject({ not_json: 1, too_large: 1, pointer_missing: 0, bad_tag: 0 });
    expect(snap.last).toEqual({ topic: 'b', reason: 'too_large', problem: 'p2', payload: 'y'.repeat(1024), payloadBytes: 5000, at: 2000 });
  });

  it('logs at most once per topic per minute, then says how many it kept quiet', () => {
    const { logger, warns } = spy();
    const q = new Quarantine('mq', logger);
    const bad = { reason: 'pointer_missing' as const, problem: 'the payload has no value at /v', rule: 'subscriptions[0]' };
    for (let t = 0; t < 10; t++) q.add('plant/a', Buffer.from('{}'), bad, t * 1000);
    q.add('plant/b', Buffer.from('{}'), bad, 10_000);
    q.add('plant/a', Buffer.from('{}'), bad, 60_000);
    expect(warns.map((w) => [(w[0] as { topic: string }).topic, (w[0] as { suppressed: number }).suppressed])).toEqual([['plant/a', 0], ['plant/b', 0], ['plant/a', 9]]);
    expect(warns[0]![1]).toBe('A message of source mq on plant/a was set aside (pointer_missing): the payload has no value at /v.');
    expect(warns[0]![0]).toMatchObject({ code: 'CW_SOURCE_PAYLOAD_QUARANTINED', rule: 'subscriptions[0]', hint: expect.stringMatching(/Check the pointers/) });
  });

  it('forgets the oldest topics beyond its bound', () => {
    const { logger, warns } = spy();
    const q = new Quarantine('mq', logger, 60_000, 2);
    for (const t of ['a', 'b', 'c', 'a']) q.add(t, Buffer.from(''), { reason: 'bad_tag', problem: 'x' }, 0);
    expect(warns).toHaveLength(4);
  });

  it('counts per topic, most first, and is a problem of the source while messages were set aside recently', () => {
    const { logger } = spy();
    const q = new Quarantine('mq', logger);
    expect(q.problem(10, 0)).toBeUndefined();
    for (let i = 0; i < 636; i++) q.add('plant/meter', Buffer.from('{"v":'), { reason: 'not_json', problem: 'the payload is not JSON' }, 1000 + i);
    q.add('plant/other', Buffer.from('{}'), { reason: 'pointer_missing', problem: 'the payload has no value at /v' }, 5000);
    const snap = q.snapshot();
    expect(snap.since).toBe(1000);
    expect(snap.topics.map((t) => [t.topic, t.count, t.reason])).toEqual([['plant/meter', 636, 'not_json'], ['plant/other', 1, 'pointer_missing']]);
    const p = q.problem(639, 6000)!;
    expect(p).toMatchObject({ code: 'CW_SOURCE_MESSAGES_QUARANTINED', summary: '637 messages quarantined', count: 637, subjects: ['plant/meter', 'plant/other'], since: 1000, lastAt: 5000 });
    expect(p.message).toBe('Source mq set aside 637 of the 639 messages it received, on 2 topics; the latest (pointer_missing) because the payload has no value at /v. Their values do not reach the hub.');
    expect(p.hint).toMatch(/^Check the pointers .* GET \/api\/v1\/sources\/mq shows the latest payload set aside\.$/);
    // Once nothing was set aside for a while, the source has no problem any more; the counts stay.
    expect(q.problem(700, 5000 + QUARANTINE_RECENT_MS + 1)).toBeUndefined();
    expect(q.snapshot().total).toBe(637);
  });
});
