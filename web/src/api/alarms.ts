/**
 * Alarms (ISA-18.2) from the hub: the active list, the journal, and the operator's actions
 * (acknowledge, shelve, unshelve, out of service, in service). Types come from the OpenAPI document.
 */
import { apiUrl, get, request, type Answer, type Query } from './client';

export type Alarm = Answer<'/api/v1/alarms'>['alarms'][number];
export type JournalEntry = Answer<'/api/v1/alarm-journal'>['entries'][number];
export type AlarmState = Alarm['state'];
export type Priority = Alarm['priority'];
export type AlarmQuery = Query<'/api/v1/alarms'>;
export type JournalQuery = Query<'/api/v1/alarm-journal'>;

export const PRIORITIES: readonly Priority[] = ['urgent', 'high', 'medium', 'low'];
export const STATES: readonly AlarmState[] = ['UNACK_ACTIVE', 'ACKED_ACTIVE', 'RTN_UNACK', 'LATCHED', 'SHELVED', 'SUPPRESSED', 'OUT_OF_SERVICE', 'NORMAL'];

/** States the operator still has to acknowledge. */
export const UNACKED: ReadonlySet<AlarmState> = new Set(['UNACK_ACTIVE', 'RTN_UNACK', 'LATCHED']);
/** States shown to the operator (annunciated): not shelved, suppressed or out of service. */
export const ANNUNCIATED: ReadonlySet<AlarmState> = new Set(['UNACK_ACTIVE', 'ACKED_ACTIVE', 'RTN_UNACK', 'LATCHED']);

/** The longest shelving the hub accepts (CW_ALARM_SHELVE_TOO_LONG beyond). */
export const SHELVE_DURATIONS = ['5m', '15m', '30m', '1h', '2h', '4h', '8h', '12h', '24h'] as const;

export const STATE_LABEL: Record<AlarmState, string> = {
  NORMAL: 'normal',
  UNACK_ACTIVE: 'active, unacknowledged',
  ACKED_ACTIVE: 'active, acknowledged',
  RTN_UNACK: 'cleared, unacknowledged',
  LATCHED: 'latched',
  SHELVED: 'shelved',
  SUPPRESSED: 'suppressed',
  OUT_OF_SERVICE: 'out of service',
};

/** The badge tone of a state (StateBadge's vocabulary). */
export const STATE_TONE: Record<AlarmState, string> = {
  NORMAL: 'good',
  UNACK_ACTIVE: 'bad',
  ACKED_ACTIVE: 'warn',
  RTN_UNACK: 'warn',
  LATCHED: 'bad',
  SHELVED: 'idle',
  SUPPRESSED: 'idle',
  OUT_OF_SERVICE: 'idle',
};

export function listAlarms(query: AlarmQuery = {}, signal?: AbortSignal): Promise<Alarm[]> {
  return get('/api/v1/alarms', { query, ...(signal ? { signal } : {}) }).then((a) => a.alarms);
}

export function journal(query: JournalQuery = {}, signal?: AbortSignal): Promise<Answer<'/api/v1/alarm-journal'>> {
  return get('/api/v1/alarm-journal', { query, ...(signal ? { signal } : {}) });
}

export type AlarmAction = 'ack' | 'shelve' | 'unshelve' | 'out-of-service' | 'in-service';

/** Carry out an action on one alarm; the hub answers the alarm as it now is (a refusal throws ApiError). */
export function act(id: string, action: AlarmAction, body: { comment?: string; reason?: string; duration?: string }): Promise<Alarm> {
  return request<Alarm>('POST', apiUrl(`/api/v1/alarms/{id}/${action}`, undefined, { id }), body);
}

/** The message with the attribute's full path shortened to its last two names (the path is shown beside it). */
export function shortMessage(message: string, path: string): string {
  const short = path.split('/').slice(-2).join('/');
  return message.split(path).join(short);
}
