/** The vocabulary of production tracking: line states, losses, reasons and the timeline of a line. */
import type { CounterRule } from '../core/counter.js';
import type { Quality, Value } from '../core/sample.js';

/** What a line is doing, from its machine state. */
export const LINE_STATES = ['running', 'idle', 'planned', 'down'] as const;
export type LineState = (typeof LINE_STATES)[number];

/**
 * Where the time of a stop goes in OEE: `breakdown` and `setup` are availability losses, `minor`
 * (idling and minor stops) a performance loss, `planned` is not planned production time.
 */
export const LOSSES = ['breakdown', 'setup', 'minor', 'planned'] as const;
export type Loss = (typeof LOSSES)[number];

/** A reason code of a stop, from the PLC or assigned by an operator afterwards. */
export interface ReasonDefinition {
  code: number;
  label: string;
  loss: Loss;
}

/** One sample of an attribute, as the historian returns it. */
export interface Point {
  ts: number;
  value: Value;
  quality: Quality;
}

/** How a piece of the timeline counts: run time, one of the losses, or unknown (no state known). */
export type SegmentClass = 'run' | Loss | 'unknown';

/** A stretch of one line state; stops carry their reason. */
export interface Segment {
  /** Inclusive start (within the range asked for, once clipped). */
  start: number;
  /** When the state really began, before any clipping: the stop's identity for reasons assigned afterwards. */
  origin: number;
  /** Exclusive end. */
  end: number;
  state: LineState | 'unknown';
  class: SegmentClass;
  /** The stop's reason code, when there is one. */
  reason?: number;
  /** Who gave the reason: the PLC, or an operator afterwards (which wins). */
  reasonSource?: 'plc' | 'operator';
}

/** A counter's samples over a range: the last one before it (prior), then those inside, in time order. */
export interface CounterSeries {
  samples: readonly Point[];
  prior?: Point;
  /** The counter's range and what a drop means (the attribute's declaration). */
  counter?: CounterRule;
}

/** The ideal cycle time (ms per unit) in force over [start, end), e.g. from the product of the running order. */
export interface CycleTimeSpan {
  start: number;
  end: number;
  ms: number;
}
