import { describe, expect, it } from 'vitest';
import type { Sample } from '../core/sample.js';
import { applyFeed, feedOf } from './feeds.js';
import type { AttributeNode } from './model.js';

const t = 1_700_000_000_000;
const raw = (value: Sample['value']): Sample => ({ path: 'plc/x', value, ts: t, quality: 'good' });
const attr = (over: Partial<AttributeNode>): AttributeNode => ({ path: 'a/b/x', asset: 'a/b', name: 'x', type: 'number', valueType: 'number', writable: false, interpolation: 'linear', ...over });

describe('feeds', () => {
  it('maps device state codes onto the template codes', () => {
    const state = attr({ type: 'state', states: { '1': 'running', '2': 'stopped', '3': 'fault' } });
    const feed = feedOf({ tag: 'plc/x', map: { '3': 1, '4': 2, '9': 3 } }, undefined, undefined)!;
    expect(applyFeed(raw(3), feed, state)).toMatchObject({ path: 'a/b/x', value: 1, quality: 'good' });
    expect(applyFeed(raw(9), feed, state)).toMatchObject({ value: 3, quality: 'good' });
    // An unmapped code that happens to be a template code passes; any other is kept with bad quality.
    expect(applyFeed(raw(2), feed, state)).toMatchObject({ value: 2, quality: 'good' });
    expect(applyFeed(raw(7), feed, state)).toMatchObject({ value: 7, quality: 'bad' });
  });

  it('maps text and booleans too', () => {
    const feed = feedOf({ tag: 'plc/x', map: { RUN: 1, STOP: 2, true: 1 } }, undefined, undefined)!;
    expect(applyFeed(raw('RUN'), feed, attr({})).value).toBe(1);
    expect(applyFeed(raw(true), feed, attr({})).value).toBe(1);
  });

  it('scales on top of the tag, then converts the unit', () => {
    const feed = feedOf({ tag: 'plc/x', scale: 0.1, offset: -2 }, { id: 'x', unit: 'degC' }, 'degF')!;
    // 250 * 0.1 - 2 = 23 degC = 73.4 degF
    expect(applyFeed(raw(250), feed, attr({ unit: 'degF' }))).toMatchObject({ value: 73.4, quality: 'good' });
    const flow = feedOf('plc/x', { id: 'x', unit: 'l/min' }, 'm3/h')!;
    expect(applyFeed(raw(600), flow, attr({ unit: 'm3/h' })).value).toBe(36);
  });

  it('marks a value that cannot take the type as bad, keeping it', () => {
    const feed = feedOf('plc/x', undefined, undefined)!;
    expect(applyFeed(raw('jammed'), feed, attr({}))).toMatchObject({ value: 'jammed', quality: 'bad' });
    expect(applyFeed(raw(1), feed, attr({ type: 'boolean', valueType: 'boolean' })).value).toBe(true);
  });
});
