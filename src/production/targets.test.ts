import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { signature } from '../sinks/webhook/request.js';
import type { Confirmation } from './confirmation.js';
import { webhookBody, webhookTarget } from './targets.js';

const SECRET = 'whsec-test-0123456789abcdef';
const c: Confirmation = { key: 'WO-1-1', orderId: 'WO-1', sequence: 1, final: true, status: 'completed', line: 'line1', product: 'P', unit: 'u', quantity: 10, good: 9, scrap: 1, endedAt: '2026-11-24T00:00:00.000Z', createdAt: '2026-11-24T00:00:00.000Z' };

describe('the webhook confirmation target', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  async function receiver(statuses: number[]): Promise<{ url: string; got: Array<{ headers: Record<string, unknown>; body: string }> }> {
    const got: Array<{ headers: Record<string, unknown>; body: string }> = [];
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        got.push({ headers: req.headers, body });
        res.writeHead(statuses.shift() ?? 200).end('unknown order WO-1');
      });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const port = (server!.address() as { port: number }).port;
    return { url: `http://127.0.0.1:${port}/confirmations`, got };
  }

  it('posts the confirmation signed like the webhook sink, with its idempotency key', async () => {
    const r = await receiver([200]);
    await webhookTarget({ id: 'erp', url: r.url, secret: SECRET }, signature, () => 1_700_000_000_000).send(c);
    const [{ headers, body }] = r.got as [{ headers: Record<string, unknown>; body: string }];
    expect(body).toBe(webhookBody(c));
    expect(headers).toMatchObject({ 'idempotency-key': 'WO-1-1', 'content-type': 'application/json', 'x-causeway-timestamp': '1700000000000' });
    expect(headers['x-causeway-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(`1700000000000.${body}`).digest('hex')}`);
  });

  it('asks for a retry on 503 and stops at a 400', async () => {
    const r = await receiver([503, 400]);
    const target = webhookTarget({ id: 'erp', url: r.url, secret: SECRET }, signature, Date.now);
    await expect(target.send(c)).rejects.toMatchObject({ code: 'CW_ERP_CONFIRM_FAILED', retryable: true });
    await expect(target.send(c)).rejects.toMatchObject({ code: 'CW_ERP_CONFIRM_REJECTED', message: 'The ERP refused confirmation WO-1-1 at erp: HTTP 400: unknown order WO-1.' });
  });
});
