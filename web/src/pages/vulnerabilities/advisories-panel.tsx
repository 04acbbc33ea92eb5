/** Advisories: what the store holds and how the latest imports went, and (for engineers who configure) the upload of one CSAF file. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { advisories, type AdvisoryUpload } from '../../api/inventory';
import { ProblemNotice } from '../../components/problem-notice';
import { allows, useSession } from '../../components/session';
import { formatAgo, formatTime } from '../../lib/format';
import { usePoll } from '../../lib/use-poll';

function Upload({ onDone }: { onDone: () => void }) {
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState<AdvisoryUpload>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await advisories.upload(await file.text()));
      onDone();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  }

  return (
    <form className="toolbar" onSubmit={(e) => void submit(e)}>
      <label>CSAF advisory (JSON) <input type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0])} /></label>
      <button type="submit" disabled={!file}>Upload</button>
      <ProblemNotice error={error} context="The advisory was not imported" />
      {result ? (
        <p role="status" data-testid="advisory-upload">
          {result.advisory.id} {result.outcome}{result.advisory.revision ? ` (revision ${result.advisory.revision})` : ''}.
          {result.warnings.length ? ` Warnings: ${result.warnings.join('; ')}` : ''}
        </p>
      ) : null}
    </form>
  );
}

export function AdvisoriesPanel() {
  const { session } = useSession();
  const status = usePoll('advisory-status', (signal) => advisories.status(signal), 60_000);
  const s = status.data;
  const rejected = (s?.imports ?? []).flatMap((i) => i.rejections.map((r) => ({ ...r, at: i.finishedAt, source: i.source })));
  return (
    <section className="panel" aria-labelledby="v-advisories" data-testid="advisories-panel">
      <h2 id="v-advisories">Advisories</h2>
      <ProblemNotice error={status.error} />
      {s ? (
        <p data-testid="advisory-counts">
          {s.advisories} advisories, {s.products} products, {s.vulnerabilities} vulnerabilities.{' '}
          <span className="muted">{s.lastImportAt ? `Last import ${formatAgo(s.lastImportAt)}.` : 'Nothing imported yet.'}</span>
        </p>
      ) : null}
      {s && s.imports.length > 0 ? (
        <details>
          <summary>Latest imports ({s.imports.length})</summary>
          <ul className="small">
            {s.imports.map((i) => (
              <li key={i.seq}>{formatTime(i.finishedAt)} {i.source} by {i.actor}: {i.files} files, {i.added} added, {i.updated} updated, {i.unchanged} unchanged, {i.rejected} rejected{i.unverified ? `, ${i.unverified} unverified` : ''}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {rejected.length > 0 ? (
        <table className="small" data-testid="advisory-rejections">
          <thead><tr><th scope="col">Rejected file</th><th scope="col">Why</th><th scope="col">Import</th></tr></thead>
          <tbody>{rejected.map((r, n) => <tr key={`${r.file}-${n}`}><td className="mono">{r.file}</td><td>{r.kind}: {r.reason}</td><td>{r.source}, {formatAgo(r.at)}</td></tr>)}</tbody>
        </table>
      ) : null}
      {allows(session, ['configure']) ? <Upload onDone={status.reload} /> : null}
    </section>
  );
}
