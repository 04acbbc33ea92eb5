/** For engineers who configure: add one asset by hand, and import a CSV file with a per-row report. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { assets, type AssetRecord, type ImportReport } from '../../api/inventory';
import { ProblemNotice } from '../../components/problem-notice';

const list = (s: string) => s.split(/[;,]/).map((x) => x.trim()).filter(Boolean);
const CRITICALITIES = ['', 'low', 'medium', 'high', 'critical'] as const;

export function AddAssetForm({ zones, onAdded }: { zones: string[]; onAdded: (id: string) => void }) {
  const [f, setF] = useState({ name: '', zone: '', vendor: '', product: '', model: '', version: '', protocols: '', criticality: '' });
  const [error, setError] = useState<ApiError>();
  const [added, setAdded] = useState<AssetRecord>();
  const field = (k: keyof typeof f) => ({ value: f[k], onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }) });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setAdded(undefined);
    const opt = (k: 'vendor' | 'product' | 'model' | 'version') => (f[k].trim() ? { [k]: f[k].trim() } : {});
    try {
      const a = await assets.create({
        name: f.name.trim(), zone: f.zone || (zones[0] ?? ''), ...opt('vendor'), ...opt('product'), ...opt('model'), ...opt('version'),
        ...(f.protocols.trim() ? { protocols: list(f.protocols) } : {}), ...(f.criticality ? { criticality: f.criticality as AssetRecord['criticality'] } : {}),
      });
      setAdded(a);
      setF({ ...f, name: '', version: '' });
      onAdded(a.id);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  }

  return (
    <section className="panel" aria-labelledby="a-add">
      <h2 id="a-add">Add asset</h2>
      <form className="asset-form" onSubmit={(e) => void submit(e)}>
        <label>Name <input required {...field('name')} /></label>
        <label>Zone <select {...field('zone')}>{zones.map((z) => <option key={z} value={z}>{z}</option>)}</select></label>
        <label>Vendor <input {...field('vendor')} /></label>
        <label>Product <input {...field('product')} /></label>
        <label>Model <input {...field('model')} /></label>
        <label>Version <input {...field('version')} /></label>
        <label>Protocols <input {...field('protocols')} placeholder="modbus; https" /></label>
        <label>Criticality <select {...field('criticality')}>{CRITICALITIES.map((c) => <option key={c} value={c}>{c || '—'}</option>)}</select></label>
        <button type="submit">Add</button>
      </form>
      <ProblemNotice error={error} context="The asset was not added" />
      {added ? <p className="muted small" role="status">Added {added.name} ({added.id}).</p> : null}
    </section>
  );
}

export function ImportCsvForm({ onImported }: { onImported: () => void }) {
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [report, setReport] = useState<ImportReport>();

  async function pick(files: FileList | null) {
    const chosen = files?.[0];
    if (!chosen) return;
    setFile(chosen.name);
    setCsv(await chosen.text());
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setReport(undefined);
    try {
      setReport(await assets.importCsv(csv, file));
      onImported();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  }

  return (
    <section className="panel" aria-labelledby="a-import">
      <h2 id="a-import">Import CSV</h2>
      <form className="asset-form wide" onSubmit={(e) => void submit(e)}>
        <label>File <input type="file" accept=".csv,text/csv" onChange={(e) => void pick(e.target.files)} /></label>
        <label>CSV <textarea aria-label="CSV text" rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} placeholder={'id,name,zone,vendor,product,version,protocols\nsw-1,Cell B switch,packaging,Hirschmann,RSP35,09.4.04,snmp;https'} /></label>
        <button type="submit" disabled={!csv.trim()}>Import</button>
      </form>
      <ProblemNotice error={error} context="Nothing was imported" />
      {report ? (
        <div data-testid="import-report" role="status">
          <p>{report.rows} rows: {report.created.length} created, {report.updated.length} updated, {report.rejected.length} rejected.</p>
          {report.rejected.length > 0 ? (
            <table className="small">
              <thead><tr><th scope="col">Line</th><th scope="col">Row</th><th scope="col">Problems</th></tr></thead>
              <tbody>
                {report.rejected.map((r) => (
                  <tr key={r.line}><td>{r.line}</td><td>{r.id ?? r.name ?? '—'}</td><td>{r.problems.join('; ')}</td></tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
