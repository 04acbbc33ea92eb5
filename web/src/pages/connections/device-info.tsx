/** Who is on the other end: vendor, product, firmware, as the device says (GET /api/v1/sources/:id/device). */
import { get } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { usePoll } from '../../lib/use-poll';

export function DeviceInfo({ id }: { id: string }) {
  const device = usePoll(`device:${id}`, (signal) => get('/api/v1/sources/{id}/device', { params: { id }, signal }));
  if (device.error) return <ProblemNotice error={device.error} context="Identify device" />;
  if (!device.data) return <p className="muted">Asking the device…</p>;
  return (
    <dl className="facts" aria-label={`Device of ${id}`}>
      {Object.entries(device.data).map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
