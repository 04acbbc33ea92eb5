import { describe, expect, it } from 'vitest';
import type { AssetConfig, SourceConfig, TemplateConfig } from '../config/schema.js';
import { isCausewayError } from '../core/errors.js';
import type { Sample } from '../core/sample.js';
import { incompatibleChanges, signatureOf, verifySignatures, type SignatureStore } from './contract-signature.js';
import { checkSample, type ContractTerms } from './contracts.js';
import { Namespace } from './index.js';

const t0 = 1_700_000_000_000;
const terms: ContractTerms = {
  template: 'Filler',
  version: 2,
  windowMs: 60_000,
  attributes: new Map([
    ['speed', { type: 'number', unit: 'bpm', min: 0, max: 900 }],
    ['state', { type: 'state', states: { '1': 'running', '2': 'stopped' }, required: true }],
    ['count', { type: 'counter' }],
    ['label', { type: 'string' }],
  ]),
};
const sample = (value: Sample['value'], ms = 0): Sample => ({ path: 'a/f/x', value, ts: t0 + ms, quality: 'good' });
const stateAt = (ms: number, quality: Sample['quality'] = 'good'): Sample => ({ path: 'a/f/state', value: 1, ts: t0 + ms, quality });
const ctx = (attribute: string, over: Partial<{ deliveredUnit: string | undefined; state: Sample | undefined }> = {}) => ({
  attribute,
  deliveredUnit: 'deliveredUnit' in over ? over.deliveredUnit : 'bpm',
  latest: (name: string) => (name === 'state' ? ('state' in over ? over.state : stateAt(0)) : undefined),
});

describe('contract check', () => {
  it('passes a sample that keeps the contract', () => {
    expect(checkSample(sample(612), terms, ctx('speed'))).toBeUndefined();
    expect(checkSample(sample(1), terms, ctx('state'))).toBeUndefined();
  });

  it('rejects the wrong type, an undefined state code and a negative counter', () => {
    expect(checkSample(sample('fast'), terms, ctx('speed'))).toEqual({ reason: 'type_mismatch', problem: '"fast" is not a number' });
    expect(checkSample(sample(7), terms, ctx('state'))).toEqual({ reason: 'type_mismatch', problem: '7 is not one of the state codes 1, 2' });
    expect(checkSample(sample(-1), terms, ctx('count', { deliveredUnit: undefined }))?.reason).toBe('type_mismatch');
    expect(checkSample(sample(3), terms, ctx('label'))).toEqual({ reason: 'type_mismatch', problem: '3 is not a string' });
  });

  it('rejects a value outside min and max', () => {
    expect(checkSample(sample(901), terms, ctx('speed'))).toEqual({ reason: 'out_of_range', problem: '901 is above the maximum 900 bpm' });
    expect(checkSample(sample(-3), terms, ctx('speed'))).toEqual({ reason: 'out_of_range', problem: '-3 is below the minimum 0 bpm' });
  });

  it('rejects a value in another unit, or of unknown unit', () => {
    expect(checkSample(sample(612), terms, ctx('speed', { deliveredUnit: 'bottles/min' }))).toEqual({ reason: 'unit_mismatch', problem: 'it arrives in bottles/min; the contract requires bpm' });
    expect(checkSample(sample(612), terms, ctx('speed', { deliveredUnit: undefined }))?.reason).toBe('unit_mismatch');
  });

  it('rejects a sample whose asset lacks a current good value of a required attribute within the window', () => {
    expect(checkSample(sample(612), terms, ctx('speed', { state: undefined }))).toEqual({ reason: 'missing_required', problem: 'the required attribute state has no value' });
    expect(checkSample(sample(612, 61_000), terms, ctx('speed'))).toEqual({ reason: 'missing_required', problem: 'the required attribute state has no value within 60 s of this sample' });
    expect(checkSample(sample(612, 60_000), terms, ctx('speed'))).toBeUndefined();
    expect(checkSample(sample(612), terms, ctx('speed', { state: stateAt(0, 'bad') }))?.reason).toBe('missing_required');
  });
});

describe('the contract gate of a sink', () => {
  const templates: TemplateConfig[] = [
    { id: 'Machine', attributes: [{ name: 'state', type: 'state', states: { '1': 'run' }, required: true }] },
    { id: 'Filler', extends: 'Machine', version: 2, attributes: [{ name: 'speed', type: 'number', unit: 'bpm', max: 900 }, { name: 'note', type: 'string' }] },
    { id: 'Mixer', extends: 'Machine', attributes: [{ name: 'speed', type: 'number', unit: 'bpm' }] },
  ];
  const assets: AssetConfig[] = [
    { path: 'a/b/filler', template: 'Filler', bindings: { state: 'plc/state', speed: 'plc/speed' } },
    { path: 'a/b/mixer', template: 'Mixer', bindings: { speed: 'plc/mix' } },
  ];
  const sources: SourceConfig[] = [{ id: 'plc', kind: 'simulator', zone: 'ot', tags: [{ id: 'state' }, { id: 'speed', unit: 'bpm' }, { id: 'mix', unit: 'bpm' }] }];

  it('covers only attributes of the template, quarantines violations once per batch, reports them', () => {
    const ns = new Namespace(templates, assets, { sources, now: () => t0 + 5 });
    const gate = ns.contractGate('uns', { template: 'Filler', version: 2 });
    expect(gate.covers('a/b/filler/speed')).toBe(true);
    expect(gate.covers('a/b/mixer/speed')).toBe(false);
    const batch = ns.map([{ path: 'plc/state', value: 1, ts: t0, quality: 'good' }, { path: 'plc/speed', value: 950, ts: t0, quality: 'good' }]);
    expect(gate.filter(batch).map((s) => s.path)).toEqual(['a/b/filler/state']);
    gate.filter(batch); // a retried batch is not counted twice
    const report = ns.quarantine.report();
    expect(report.total).toBe(1);
    expect(report.sinks[0]).toMatchObject({ sink: 'uns', contract: { template: 'Filler', version: 2 }, total: 1 });
    expect(report.sinks[0]!.reasons).toEqual([{ reason: 'out_of_range', count: 1, last: [{ path: 'a/b/filler/speed', value: 950, ts: t0, quality: 'good', problem: '950 is above the maximum 900 bpm', at: t0 + 5 }] }]);
  });
});

describe('incompatible change detection', () => {
  const v2: TemplateConfig = { id: 'Filler', version: 2, attributes: [{ name: 'speed', type: 'number', unit: 'bpm', min: 0, max: 900 }, { name: 'state', type: 'state', states: { '1': 'run' } }] };
  const sig = (t: TemplateConfig) => signatureOf(new Map([[t.id, t]]), t.id)!;
  const withSpeed = (over: object): TemplateConfig => ({ ...v2, attributes: [{ ...v2.attributes[0]!, ...over }, v2.attributes[1]!] });

  it('names each incompatible change', () => {
    expect(incompatibleChanges(sig(v2), sig(withSpeed({ unit: 'bottles/min' })))).toEqual(['attribute speed changed unit from bpm to bottles/min']);
    expect(incompatibleChanges(sig(v2), sig(withSpeed({ type: 'counter' })))).toEqual(['attribute speed changed type from number to counter']);
    expect(incompatibleChanges(sig(v2), sig(withSpeed({ max: 1000 })))).toEqual(['attribute speed raised its maximum from 900 to 1000']);
    expect(incompatibleChanges(sig(v2), sig({ ...v2, attributes: [v2.attributes[0]!] }))).toEqual(['attribute state was removed']);
  });

  it('allows compatible changes: a new attribute, a narrower range, a description', () => {
    const later = { ...v2, attributes: [...v2.attributes, { name: 'temp', type: 'number' as const }] };
    expect(incompatibleChanges(sig(v2), sig(later))).toEqual([]);
    expect(incompatibleChanges(sig(v2), sig(withSpeed({ max: 800, description: 'Filling speed' })))).toEqual([]);
  });

  it('stores signatures and refuses a same-version template changed incompatibly', () => {
    const files = new Map<string, string>();
    const store: SignatureStore = { read: (n) => files.get(n), write: (n, t) => void files.set(n, t), where: (n) => `/data/contracts/${n}` };
    verifySignatures([v2, { id: 'Plain', attributes: [] }], store);
    expect([...files.keys()]).toEqual(['Filler.v2.json']);
    verifySignatures([withSpeed({ max: 800 })], store);
    let error: unknown;
    try {
      // The narrower range was recorded, so only the unit change is named.
      verifySignatures([withSpeed({ unit: 'bottles/min', max: 800 })], store);
    } catch (e) {
      error = e;
    }
    expect(isCausewayError(error, 'CW_NAMESPACE_CONTRACT_CHANGED')).toBe(true);
    expect((error as Error).message).toBe('Template Filler version 2 changed incompatibly since the hub first ran it: attribute speed changed unit from bpm to bottles/min.');
    // A new version is a new contract.
    verifySignatures([{ ...withSpeed({ unit: 'bottles/min' }), version: 3 }], store);
    expect([...files.keys()]).toEqual(['Filler.v2.json', 'Filler.v3.json']);
  });
});
