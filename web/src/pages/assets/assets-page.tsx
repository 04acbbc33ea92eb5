/** Assets: the OT inventory (discovered devices and those added by hand), filtered and paged, with one asset's detail. */
import { useState } from 'react';
import { assets } from '../../api/inventory';
import { zones } from '../../api/security';
import { ProblemNotice } from '../../components/problem-notice';
import { allows, useSession } from '../../components/session';
import { formatAgo } from '../../lib/format';
import { usePoll } from '../../lib/use-poll';
import { AssetDetail } from './asset-detail';
import { AddAssetForm, ImportCsvForm } from './asset-forms';
import './assets.css';

const PAGE = 25;

export function AssetsPage() {
  const { session } = useSession();
  const [zone, setZone] = useState('');
  const [vendor, setVendor] = useState('');
  const [text, setText] = useState('');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<string>();
  const zoneMap = usePoll('asset-zones', (signal) => zones.get(signal));
  const query = { ...(zone ? { zone } : {}), ...(vendor ? { vendor } : {}), ...(text ? { text } : {}), limit: PAGE, offset };
  const list = usePoll(`assets-${JSON.stringify(query)}`, (signal) => assets.list(query, signal), 15_000);
  const configure = allows(session, ['configure']);
  const filter = (set: (v: string) => void) => (e: { target: { value: string } }) => {
    set(e.target.value);
    setOffset(0);
  };
  const total = list.data?.total ?? 0;
  const changed = (id?: string) => {
    list.reload();
    if (id) setSelected(id);
  };

  return (
    <>
      <h1>Assets</h1>
      <section className="panel" aria-labelledby="a-list">
        <h2 id="a-list">Inventory</h2>
        <div className="toolbar">
          <label>Zone <select value={zone} onChange={filter(setZone)}><option value="">all</option>{(zoneMap.data?.zones ?? []).map((z) => <option key={z.id} value={z.id}>{z.id}</option>)}</select></label>
          <label>Vendor <input value={vendor} onChange={filter(setVendor)} placeholder="e.g. Siemens" /></label>
          <label>Text <input type="search" value={text} onChange={filter(setText)} placeholder="name, version, serial, owner…" /></label>
        </div>
        <ProblemNotice error={list.error} />
        {list.data && list.data.assets.length === 0 ? <p className="muted">No assets{zone || vendor || text ? ' match these filters' : ' yet'}.</p> : null}
        {list.data && list.data.assets.length > 0 ? (
          <div className="table-scroll">
            <table data-testid="assets">
              <thead>
                <tr><th scope="col">Name</th><th scope="col">Vendor</th><th scope="col">Product</th><th scope="col">Model</th><th scope="col">Version</th><th scope="col">Zone</th><th scope="col">Protocols</th><th scope="col">Origin</th><th scope="col">Last seen</th><th scope="col">Link</th></tr>
              </thead>
              <tbody>
                {list.data.assets.map((a) => (
                  <tr key={a.id} className={selected === a.id ? 'selected' : undefined} data-testid={`asset-${a.id}`}>
                    <th scope="row"><button type="button" className="link" onClick={() => setSelected(a.id)}>{a.name}</button></th>
                    <td>{a.vendor ?? '—'}</td>
                    <td>{a.product ?? '—'}</td>
                    <td>{a.model ?? '—'}</td>
                    <td className="mono">{a.version ?? '—'}</td>
                    <td>{a.zone ?? '—'}{a.level !== undefined ? <span className="muted small"> L{a.level}</span> : null}</td>
                    <td>{a.protocols.join(', ') || '—'}</td>
                    <td><span className={`origin ${a.origin.kind}`}>{a.origin.kind}</span></td>
                    <td>{a.lastSeen ? formatAgo(a.lastSeen) : '—'}</td>
                    <td>{a.posture.encrypted === undefined ? '—' : <span className={`link-badge ${a.posture.encrypted ? 'yes' : 'no'}`}>{a.posture.encrypted ? 'encrypted' : 'plain'}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {total > PAGE ? (
          <div className="toolbar pager">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous</button>
            <span className="muted small">{offset + 1}–{Math.min(total, offset + PAGE)} of {total}</span>
            <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>Next</button>
          </div>
        ) : list.data ? <p className="muted small">{total} asset{total === 1 ? '' : 's'}.</p> : null}
      </section>
      {selected ? <AssetDetail key={selected} id={selected} /> : null}
      {configure ? (
        <div className="asset-forms">
          <AddAssetForm zones={(zoneMap.data?.zones ?? []).map((z) => z.id)} onAdded={changed} />
          <ImportCsvForm onImported={() => changed()} />
        </div>
      ) : null}
    </>
  );
}
