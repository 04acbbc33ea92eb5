/** Vulnerabilities: findings ranked by risk in context, each with its reasons and workflow; the assessment report. */
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useFeatures } from '../../api/features';
import { vulnerabilities, type FindingPriority, type FindingState } from '../../api/inventory';
import { ArrivesWith } from '../../components/arrives-with';
import { ProblemNotice } from '../../components/problem-notice';
import { allows, useSession } from '../../components/session';
import { formatAgo } from '../../lib/format';
import { usePoll } from '../../lib/use-poll';
import { AdvisoriesPanel } from './advisories-panel';
import { FindingDetail } from './finding-detail';
import './vulnerabilities.css';

const STATES: readonly FindingState[] = ['open', 'mitigated', 'accepted', 'fixed'];
const PRIORITIES: readonly FindingPriority[] = ['P1', 'P2', 'P3', 'P4'];

function Findings() {
  const { session } = useSession();
  const [state, setState] = useState<FindingState>('open');
  const [priority, setPriority] = useState<FindingPriority | ''>('');
  const [selected, setSelected] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const list = usePoll(`findings-${state}-${priority}`, (signal) => vulnerabilities.list({ state, ...(priority ? { priority } : {}), limit: 200 }, signal), 15_000);
  const last = list.data?.lastMatch;

  async function rematch() {
    setError(undefined);
    try {
      await vulnerabilities.rematch();
      list.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    }
  }

  return (
    <>
      <section className="panel" aria-labelledby="v-findings">
        <h2 id="v-findings">Findings</h2>
        <div className="toolbar">
          <label>State <select value={state} onChange={(e) => setState(e.target.value as FindingState)}>{STATES.map((s) => <option key={s}>{s}</option>)}</select></label>
          <label>Priority <select value={priority} onChange={(e) => setPriority(e.target.value as FindingPriority | '')}><option value="">all</option>{PRIORITIES.map((p) => <option key={p}>{p}</option>)}</select></label>
          {allows(session, ['configure']) ? <button type="button" onClick={() => void rematch()}>Match now</button> : null}
          {allows(session, ['audit']) ? (
            <span className="report-links">
              Report: <a href={vulnerabilities.reportUrl('html')} target="_blank" rel="noreferrer">HTML</a> · <a href={vulnerabilities.reportUrl('pdf')}>PDF</a> · <a href={vulnerabilities.reportUrl('csv')}>CSV</a>
            </span>
          ) : null}
        </div>
        <p className="muted small" data-testid="last-match">
          {last ? `Last match ${formatAgo(last.at)}: ${last.assets} assets against ${last.advisories} advisories, ${last.findings} findings, ${last.ms} ms.` : 'No match has run since the hub started.'}
        </p>
        <ProblemNotice error={list.error ?? error} />
        {list.data && list.data.items.length === 0 ? <p className="muted">No {state} findings{priority ? ` of priority ${priority}` : ''}.</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <div className="table-scroll">
            <table data-testid="findings">
              <thead>
                <tr><th scope="col">Priority</th><th scope="col">Score</th><th scope="col">CVE</th><th scope="col">Asset</th><th scope="col">Zone</th><th scope="col">Verdict</th><th scope="col">Owner</th><th scope="col">Advisory</th></tr>
              </thead>
              <tbody>
                {list.data.items.map((f) => (
                  <tr key={f.id} className={selected === f.id ? 'selected' : undefined} data-testid={`finding-${f.cve ?? f.id}`}>
                    <td><span className={`priority-pill ${f.priority}`}>{f.priority}</span></td>
                    <td>{f.score}</td>
                    <th scope="row"><button type="button" className="link" onClick={() => setSelected(f.id)}>{f.cve ?? '(no CVE)'}</button></th>
                    <td>{f.assetId}</td>
                    <td>{f.zone ?? '—'}</td>
                    <td>{f.verdict === 'affected' ? 'affected' : 'possibly'}</td>
                    <td>{f.owner ?? '—'}</td>
                    <td className="small">{f.advisoryId}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {list.data && list.data.total > list.data.items.length ? <p className="muted small">Showing {list.data.items.length} of {list.data.total}.</p> : null}
      </section>
      {selected ? <FindingDetail key={selected} id={selected} onChange={list.reload} /> : null}
    </>
  );
}

export function VulnerabilitiesPage() {
  const features = useFeatures();
  return (
    <>
      <h1>Vulnerabilities</h1>
      {features.ready && !features.has('/api/v1/vulnerabilities') ? (
        <ArrivesWith feature="the vulnerability assessment" routes={['/api/v1/vulnerabilities']}>
          <p>Then every asset of the inventory is matched against the imported ICS advisories, and each finding shows why it matched, why it ranks where it does, and what to do.</p>
        </ArrivesWith>
      ) : null}
      {features.ready && features.has('/api/v1/vulnerabilities') ? <Findings /> : null}
      {features.ready && features.has('/api/v1/advisories/import-status') ? <AdvisoriesPanel /> : null}
    </>
  );
}
