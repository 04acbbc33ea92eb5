/**
 * Property test: whatever values sources send — any type, NaN and infinities, out-of-order and
 * repeated timestamps, any quality — map() never throws, and every calculated attribute it emits
 * is a storable sample (finite number, boolean or string; a known quality; the newest input time).
 */
import { describe, expect, it } from 'vitest';
import type { AssetConfig, TemplateConfig } from '../config/schema.js';
import { isValue, QUALITIES, type Sample } from '../core/sample.js';
import { Namespace } from './index.js';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const VALUES: unknown[] = [0, -0, 1, -1, 0.1, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity, true, false, '', '12', 'abc', ' 3 ', 'NaN', '1e400', 'x'.repeat(500)];
const CALCS = [
  'a / b', 'a * b + c', 'rate(a)', "avg(b, '3s')", 'since_change(c)', 'a > b ? a : b', 'round(a / (b - c), 2)', 'sqrt(a)', 'pow(a, b)',
  "string(a) + c", 'c == 1', "max(a, b, attr('c'))", 'number(c) * 2', 'a % b', 'floor(a) + ceil(b)', 'if(a > 0, rate(b), avg(c, \'1s\'))', 'calc2 + 1',
];

const templates: TemplateConfig[] = [
  {
    id: 'T',
    attributes: [
      { name: 'a', type: 'number' },
      { name: 'b', type: 'counter' },
      { name: 'c', type: 'string' },
      ...CALCS.map((calc, i) => ({ name: i === 0 ? 'calc2' : `calc${i + 100}`, type: pick(() => (i * 7919) % 97 / 97, ['number', 'boolean', 'string'] as const), calc })),
    ],
  },
];
const assets: AssetConfig[] = [{ path: 'p/q', template: 'T', bindings: { a: 'src/a', b: 'src/b', c: 'src/c' } }];

describe('calculated attributes under random input', () => {
  it('never throw out of map() and always emit storable samples', () => {
    let emitted = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const rnd = prng(seed);
      const ns = new Namespace(templates, assets, { log: { warn: () => undefined } });
      let ts = 1_700_000_000_000;
      for (let step = 0; step < 120; step++) {
        ts += Math.floor(rnd() * 3000) - 500; // sometimes backwards
        const batch = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({
          path: pick(rnd, ['src/a', 'src/b', 'src/c', 'src/unbound']),
          value: pick(rnd, VALUES) as Sample['value'],
          ts: rnd() < 0.1 ? ts - 10_000 : ts,
          quality: pick(rnd, QUALITIES),
        }));
        let out: Sample[] = [];
        try {
          out = ns.map(batch);
        } catch (e) {
          expect.fail(`seed ${seed} step ${step}: map() threw ${String(e)}`);
        }
        for (const s of out.filter((x) => ns.model.calcs.has(x.path))) {
          emitted++;
          if (!isValue(s.value) || !QUALITIES.includes(s.quality) || !Number.isSafeInteger(s.ts)) expect.fail(`seed ${seed}: ${JSON.stringify(s)}`);
        }
      }
    }
    expect(emitted).toBeGreaterThan(1000);
  });
});
