/** The work orders, newest first: start a released one on its line, complete or cancel a running one. */
import { useState } from 'react';
import { ApiError, get, request, type Answer } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { StateBadge } from '../../components/state-badge';
import { allows, useSession } from '../../components/session';
import { formatCount, formatTime } from '../../lib/format';
import { usePoll } from '../../lib/use-poll';
import { NOT_CONFIGURED } from './oee-table';

type Order = Answer<'/api/v1/work-orders'>['orders'][number];
type Action = 'start' | 'complete' | 'cancel';

const REFRESH_MS = 3000;
const STATUS_TONE: Record<Order['status'], string> = { released: 'stopped', running: 'connected', completed: 'ok', cancelled: 'stopped' };

/** True while the order's start waits for a second person to approve its writes. */
const waiting = (o: Order) => o.status === 'released' && o.dispatch?.state === 'awaiting-approval';

function actionsOf(o: Order): Action[] {
  if (waiting(o)) return ['cancel'];
  if (o.status === 'released') return ['start', 'cancel'];
  if (o.status === 'running') return ['complete', 'cancel'];
  return [];
}

function OrderRow({ order: o, busy, canWrite, onAction }: { order: Order; busy: boolean; canWrite: boolean; onAction(o: Order, a: Action): void }) {
  return (
    <tr data-testid={`order-${o.id}`}>
      <td className="nowrap">
        <strong>{o.id}</strong>
        {o.description ? <div className="small muted">{o.description}</div> : null}
      </td>
      <td>{o.product}</td>
      <td>{o.line}</td>
      <td>
        {waiting(o) ? <StateBadge state="connecting" label="waiting for approval" /> : <StateBadge state={STATUS_TONE[o.status]} label={o.status} />}
        {waiting(o) ? <div className="small muted">its writes wait for a second person (Writes page)</div> : null}
        {o.status === 'released' && o.dispatch?.state === 'refused' ? <div className="small muted">last start: {o.dispatch.problem}</div> : null}
      </td>
      <td className="num">
        {formatCount(o.good)} / {formatCount(o.quantity)} {o.unit}
        {o.scrap ? <div className="small muted">{formatCount(o.scrap)} scrap</div> : null}
      </td>
      <td>{o.due ? formatTime(o.due) : '—'}</td>
      <td>
        <div className="actions">
          {canWrite
            ? actionsOf(o).map((a) => (
                <button key={a} type="button" className={a === 'start' ? 'primary' : undefined} disabled={busy} onClick={() => onAction(o, a)} aria-label={`${a[0]!.toUpperCase()}${a.slice(1)} order ${o.id}`}>
                  {a[0]!.toUpperCase() + a.slice(1)}
                </button>
              ))
            : null}
        </div>
      </td>
    </tr>
  );
}

export function WorkOrders() {
  const { session } = useSession();
  const orders = usePoll('work-orders', (signal) => get('/api/v1/work-orders', { query: { limit: 100 }, signal }), REFRESH_MS);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();

  async function act(o: Order, a: Action) {
    setBusy(o.id);
    setError(undefined);
    try {
      await request('POST', `/api/v1/work-orders/${encodeURIComponent(o.id)}/${a}`);
      orders.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(undefined);
    }
  }

  if (orders.error) return <ProblemNotice error={orders.error} tone={orders.error.problem.code === NOT_CONFIGURED ? 'info' : 'error'} />;
  if (!orders.data) return <p className="muted">Loading…</p>;
  return (
    <>
      <ProblemNotice error={error} context="The order did not change" />
      {orders.data.orders.length === 0 ? (
        <p className="muted">No work orders yet: the ERP sends them to POST /api/v1/work-orders.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Product</th>
                <th scope="col">Line</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">Good / target</th>
                <th scope="col">Due</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {orders.data.orders.map((o) => (
                <OrderRow key={o.id} order={o} busy={busy === o.id} canWrite={allows(session, ['write'])} onAction={(x, a) => void act(x, a)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
