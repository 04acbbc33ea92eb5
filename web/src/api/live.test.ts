/** The live subscription's message routing, against a stand-in WebSocket (the browser's is not in Node 20). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveSubscription } from './live';

class FakeSocket {
  static last: FakeSocket | undefined;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  send(text: string) {
    this.sent.push(text);
  }
  close() {}
}

beforeEach(() => {
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('location', { protocol: 'http:', host: 'hub:8080' });
});
afterEach(() => vi.unstubAllGlobals());

describe('LiveSubscription', () => {
  it('sends alarm transitions to onAlarms and values to onValues, never one for the other', () => {
    const values = vi.fn();
    const alarms = vi.fn();
    const sub = new LiveSubscription(['acme/tank'], { onValues: values, onStatus: () => {}, onAlarms: alarms });
    const socket = FakeSocket.last!;
    socket.onopen!();
    expect(JSON.parse(socket.sent[0]!)).toEqual({ type: 'subscribe', paths: ['acme/tank'] });
    const event = { seq: 1, id: 'acme/tank/level/hi', path: 'acme/tank/level', name: 'hi', priority: 'high', event: 'activate', from: 'NORMAL', to: 'UNACK_ACTIVE', at: 1 };
    socket.onmessage!({ data: JSON.stringify({ type: 'snapshot', values: [] }) });
    socket.onmessage!({ data: JSON.stringify({ type: 'alarms', events: [event], dropped: 2 }) });
    socket.onmessage!({ data: JSON.stringify({ type: 'values', values: [{ path: 'acme/tank/level', value: 85, ts: 1, quality: 'good' }] }) });
    expect(alarms.mock.calls).toEqual([[[event], 2]]);
    expect(values.mock.calls.map((c) => [(c[0] as unknown[]).length, c[1]])).toEqual([[0, true], [1, false]]);
    sub.close();
  });

  it('ignores alarm transitions when no one asked for them', () => {
    const values = vi.fn();
    const sub = new LiveSubscription(['acme/tank'], { onValues: values, onStatus: () => {} });
    FakeSocket.last!.onmessage!({ data: JSON.stringify({ type: 'alarms', events: [] }) });
    expect(values).not.toHaveBeenCalled();
    sub.close();
  });
});
