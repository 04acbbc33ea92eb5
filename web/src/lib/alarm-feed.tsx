/**
 * The alarms every page sees: one feed in the shell holds the caller's active alarms (GET
 * /api/v1/alarms), reloads it when the live WebSocket reports an alarm transition on an alarmed
 * attribute, and polls instead (every few seconds) while no WebSocket is open. `revision` counts
 * the reloads, so a page with its own filtered list reloads with the banner. Nothing is asked
 * before the session is known, nor for users who may not read, nor of a hub without the route.
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { listAlarms, type Alarm } from '../api/alarms';
import type { ApiError } from '../api/client';
import { useFeatures } from '../api/features';
import { LiveSubscription, type LiveStatus } from '../api/live';
import { allows, useSession } from '../components/session';
import { coverPrefixes } from './prefixes';
import { usePoll } from './use-poll';

/** Reloads while the WebSocket is live: only a safety net for a missed event. */
const LIVE_REFRESH_MS = 30_000;
/** Reloads without a WebSocket. */
const POLL_MS = 5000;
/** How often the set of defined alarms (what to subscribe to) is read again. */
const DEFINED_REFRESH_MS = 5 * 60_000;
/** Events come in bursts; one reload per burst. */
const DEBOUNCE_MS = 250;
const MAX_PREFIXES = 50;

export interface AlarmFeed {
  enabled: boolean;
  alarms: Alarm[] | undefined;
  error: ApiError | undefined;
  /** Every alarm defined (all=true), for the areas to filter by. */
  defined: Alarm[] | undefined;
  status: LiveStatus;
  revision: number;
  reload(): void;
}

const OFF: AlarmFeed = { enabled: false, alarms: undefined, error: undefined, defined: undefined, status: 'closed', revision: 0, reload: () => {} };
const FeedContext = createContext<AlarmFeed>(OFF);

/** Subscribe to the alarmed attributes; call `onEvent` on every alarm transition. */
function useAlarmSocket(prefixes: string[], onEvent: () => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('closed');
  const callback = useRef(onEvent);
  useEffect(() => {
    callback.current = onEvent;
  });
  const key = prefixes.join('\n');
  useEffect(() => {
    if (!key) return;
    const sub = new LiveSubscription(key.split('\n'), { onValues: () => {}, onStatus: (s) => setStatus(s), onAlarms: () => callback.current() }, { pollValues: false });
    return () => sub.close();
  }, [key]);
  return key ? status : 'closed';
}

/** The loading side of the feed: mounted only for a signed-in user who may read (the API document itself needs that). */
function FeedSource({ who, publish }: { who: string; publish(feed: AlarmFeed): void }) {
  const features = useFeatures();
  const enabled = features.ready && features.has('/api/v1/alarms');
  const key = enabled ? who : 'off';
  const defined = usePoll(`defined:${key}`, (signal) => (enabled ? listAlarms({ all: true }, signal) : Promise.resolve(undefined)), enabled ? DEFINED_REFRESH_MS : 0);
  const prefixes = useMemo(() => coverPrefixes((defined.data ?? []).map((a) => a.path), MAX_PREFIXES), [defined.data]);
  const [revision, setRevision] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const reloadSoon = useRef(() => {});
  const status = useAlarmSocket(enabled ? prefixes : [], () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => reloadSoon.current(), DEBOUNCE_MS);
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  // A hub with no alarm defined (in the caller's zones) has nothing to poll for until the definitions are read again.
  const any = (defined.data?.length ?? 0) > 0;
  const active = usePoll(`active:${key}`, (signal) => (enabled ? listAlarms({ sort: 'time' }, signal) : Promise.resolve(undefined)), enabled && any ? (status === 'live' ? LIVE_REFRESH_MS : POLL_MS) : 0);
  const { reload } = active;
  useEffect(() => {
    reloadSoon.current = reload;
  }, [reload]);
  // Whenever the list changed (an event, a poll, an action), pages with lists of their own reload too.
  const last = useRef<string>('');
  useEffect(() => {
    const text = JSON.stringify(active.data ?? null);
    if (text !== last.current) setRevision((r) => r + 1);
    last.current = text;
  }, [active.data]);
  const feed = useMemo<AlarmFeed>(
    () => (enabled ? { enabled, alarms: active.data ?? undefined, error: active.error, defined: defined.data ?? undefined, status, revision, reload } : OFF),
    [enabled, active.data, active.error, defined.data, status, revision, reload],
  );
  useEffect(() => publish(feed), [feed, publish]);
  useEffect(() => () => publish(OFF), [publish]);
  return null;
}

export function AlarmFeedProvider({ children }: { children: ReactNode }) {
  const { session, loading } = useSession();
  const [feed, setFeed] = useState<AlarmFeed>(OFF);
  const allowed = !loading && session.state !== 'signed-out' && allows(session, ['read']);
  const who = `${session.state}:${session.username ?? ''}`;
  return (
    <FeedContext.Provider value={allowed ? feed : OFF}>
      {allowed ? <FeedSource key={who} who={who} publish={setFeed} /> : null}
      {children}
    </FeedContext.Provider>
  );
}

export function useAlarmFeed(): AlarmFeed {
  return useContext(FeedContext);
}
