/**
 * The workflow of a vulnerability finding (issue 16 item 4), pure: open → mitigated, or accepted
 * risk (with a justification and an expiry), or fixed when a new match no longer finds it (the
 * firmware changed). People mitigate, accept, reopen, assign and comment; the matcher fixes and
 * reopens; an acceptance that expires reopens the finding. Every step is a history entry.
 */
import { CausewayError } from '../../core/errors.js';

export const FINDING_STATES = ['open', 'mitigated', 'accepted', 'fixed'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

/** What a person may do to a finding. */
export type FindingAction =
  | { action: 'mitigate'; comment: string }
  | { action: 'accept'; comment: string; until: number }
  | { action: 'reopen'; comment: string }
  | { action: 'assign'; owner: string; comment?: string }
  | { action: 'comment'; comment: string };

/** The longest a risk may be accepted before it must be looked at again. */
export const MAX_ACCEPT_MS = 366 * 24 * 3_600_000;

export interface FindingStatus {
  state: FindingState;
  owner?: string | undefined;
  /** accepted: until when. */
  acceptedUntil?: number | undefined;
}

export interface HistoryEntry {
  at: number;
  /** Who acted; absent when the hub did (a new match, an expiry). */
  user?: string;
  action: FindingAction['action'] | 'found' | 'fixed' | 'expired' | 'rematched';
  from: FindingState | null;
  to: FindingState;
  comment?: string;
}

function refuse(id: string, action: string, problem: string): never {
  throw new CausewayError('CW_INVENTORY_FINDING_STATE', { id, action, problem });
}

/** The status after a person's action, and its history entry. Throws CW_INVENTORY_FINDING_STATE for a step the workflow does not allow. */
export function act(id: string, status: FindingStatus, a: FindingAction, user: string, now: number): { status: FindingStatus; entry: HistoryEntry } {
  const from = status.state;
  const entry = (to: FindingState, comment?: string): HistoryEntry => ({ at: now, user, action: a.action, from, to, ...(comment !== undefined ? { comment } : {}) });
  switch (a.action) {
    case 'mitigate':
      if (from !== 'open') refuse(id, a.action, `it is ${from}; only an open finding is mitigated`);
      return { status: { ...status, state: 'mitigated', acceptedUntil: undefined }, entry: entry('mitigated', a.comment) };
    case 'accept':
      if (from === 'fixed') refuse(id, a.action, 'it is fixed');
      if (a.until <= now) refuse(id, a.action, 'the acceptance would already have expired');
      if (a.until - now > MAX_ACCEPT_MS) refuse(id, a.action, 'a risk is accepted for at most a year');
      return { status: { ...status, state: 'accepted', acceptedUntil: a.until }, entry: entry('accepted', `${a.comment} (until ${new Date(a.until).toISOString()})`) };
    case 'reopen':
      if (from === 'open') refuse(id, a.action, 'it is open already');
      return { status: { ...status, state: 'open', acceptedUntil: undefined }, entry: entry('open', a.comment) };
    case 'assign':
      return { status: { ...status, owner: a.owner }, entry: entry(from, a.comment !== undefined ? `${a.comment} (owner ${a.owner})` : `owner ${a.owner}`) };
    case 'comment':
      return { status, entry: entry(from, a.comment) };
  }
}

/** What a new match means for a finding that exists: found again (a fixed one reopens) or gone (fixed). */
export function rematch(status: FindingStatus, found: boolean, now: number): { status: FindingStatus; entry?: HistoryEntry } {
  const from = status.state;
  if (found && from === 'fixed') {
    return { status: { ...status, state: 'open' }, entry: { at: now, action: 'rematched', from, to: 'open', comment: 'Matched again by the current advisories and the asset\'s current identity.' } };
  }
  if (!found && from !== 'fixed') {
    return { status: { ...status, state: 'fixed', acceptedUntil: undefined }, entry: { at: now, action: 'fixed', from, to: 'fixed', comment: "No longer matched: the asset's identity (e.g. its firmware) or the advisories changed." } };
  }
  return { status };
}

/** An accepted risk past its expiry is open again. */
export function expire(status: FindingStatus, now: number): { status: FindingStatus; entry?: HistoryEntry } {
  if (status.state !== 'accepted' || status.acceptedUntil === undefined || status.acceptedUntil > now) return { status };
  return {
    status: { ...status, state: 'open', acceptedUntil: undefined },
    entry: { at: now, action: 'expired', from: 'accepted', to: 'open', comment: `The risk acceptance expired on ${new Date(status.acceptedUntil).toISOString()}.` },
  };
}
