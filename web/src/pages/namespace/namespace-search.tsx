/** Search the namespace by words in path, name, description or unit, and by template (GET /api/v1/namespace?q=&template=). */
import { useEffect, useState } from 'react';
import { get, type Answer } from '../../api/client';
import { ProblemNotice } from '../../components/problem-notice';
import { usePoll } from '../../lib/use-poll';

type Match = NonNullable<Answer<'/api/v1/namespace'>['matches']>[number];

/** The text after the user stopped typing for `ms`. */
function useSettled(text: string, ms = 250): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const t = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(t);
  }, [text, ms]);
  return settled;
}

function MatchList({ matches, total, onSelect }: { matches: Match[]; total: number; onSelect(path: string): void }) {
  if (matches.length === 0) return <p className="small muted">Nothing matches.</p>;
  return (
    <>
      <p className="small muted" aria-live="polite">
        {total} {total === 1 ? 'match' : 'matches'}
        {total > matches.length ? `, the first ${matches.length} shown` : ''}
      </p>
      <ul className="results" aria-label="Search results">
        {matches.map((m) => (
          <li key={m.path}>
            <button type="button" onClick={() => onSelect(m.path)}>
              <span>
                <span className="path">{m.path}</span>
                <span className="small muted"> · {m.kind}{m.template ? ` ${m.template}` : ''}{m.unit ? ` · ${m.unit}` : ''}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

const TEMPLATE = /^[A-Za-z0-9_-]{1,64}$/;

/** `withTemplate` adds a template field: assets of that template (or one extending it) and their attributes. */
export function NamespaceSearch({ onSelect, kind, withTemplate = false }: { onSelect(path: string): void; kind?: 'asset' | 'attribute'; withTemplate?: boolean }) {
  const [text, setText] = useState('');
  const [templateText, setTemplateText] = useState('');
  const q = useSettled(text.trim());
  const settledTemplate = useSettled(templateText.trim());
  const template = TEMPLATE.test(settledTemplate) ? settledTemplate : '';
  const searching = q !== '' || template !== '';
  const found = usePoll(`search:${kind ?? ''}:${q}:${template}`, (signal) =>
    searching ? get('/api/v1/namespace', { query: { limit: 50, ...(q ? { q } : {}), ...(template ? { template } : {}), ...(kind ? { kind } : {}) }, signal }) : Promise.resolve(undefined),
  );
  const id = kind ? `search-${kind}` : 'search-namespace';
  return (
    <div className="field">
      <label htmlFor={id}>{kind === 'attribute' ? 'Find an attribute' : 'Search the namespace'}</label>
      <input id={id} type="search" placeholder="e.g. filler speed, bar, compressor" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
      {withTemplate ? (
        <>
          <label htmlFor={`${id}-template`} className="small" style={{ marginTop: '0.5rem' }}>
            Template
          </label>
          <input id={`${id}-template`} type="search" placeholder="e.g. Filler, Machine" value={templateText} onChange={(e) => setTemplateText(e.target.value)} autoComplete="off" />
        </>
      ) : null}
      <ProblemNotice error={found.error} />
      {searching && found.data ? (
        <MatchList
          matches={found.data.matches ?? []}
          total={found.data.total ?? 0}
          onSelect={(p) => {
            setText('');
            setTemplateText('');
            onSelect(p);
          }}
        />
      ) : null}
    </div>
  );
}
