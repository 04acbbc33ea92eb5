/**
 * What a push source must check before it answers a device: the rules the pipeline (normalize)
 * and the namespace (the bound attribute's type) apply after the answer, so a sample the answer
 * calls accepted is never dropped or stored as bad by them later; and the site's time zone for
 * ISO times without an offset.
 */
import type { HubConfig } from '../config/schema.js';
import type { Sample } from '../core/sample.js';
import { instantOf, isTimeZone } from '../historian/query/zone.js';
import type { Namespace } from '../namespace/index.js';
import { applyFeed } from '../namespace/feeds.js';
import { normalizeSample, rulesFor } from '../pipeline/normalize.js';
import type { ReceiveRequest } from '../sources/types.js';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

/** The instant of an ISO wall time without an offset in `timeZone`, or undefined when it is no date. */
export function localInstant(text: string, timeZone: string): number | undefined {
  const m = LOCAL.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  return instantOf({ year, month, day, hour, minute, second }, timeZone) + ms;
}

/** The checks of one push source's samples: its tags' normalize rules, then each bound attribute's type. */
export function ingestChecks(config: HubConfig, namespace: Namespace, sourceId: string, now: () => number): Pick<ReceiveRequest, 'check' | 'localTime'> {
  const tags = config.sources?.find((s) => s.id === sourceId)?.tags ?? [];
  const rules = rulesFor(sourceId, tags);
  const zone = config.site.timezone;
  const model = namespace.model;
  return {
    ...(zone && isTimeZone(zone) ? { localTime: { timeZone: zone, instant: (text: string) => localInstant(text, zone) } } : {}),
    check(sample: Sample): string | undefined {
      const rule = rules.get(sample.path);
      if (!rule) return undefined; // unknown tags are the source's own refusal
      const out = normalizeSample(sample, rule, { now: now() });
      if ('reason' in out) return out.problem;
      for (const path of model.bindings.get(sample.path) ?? []) {
        const attr = model.attributes.get(path);
        const feed = model.feeds.get(path);
        if (!attr || !feed || out.quality === 'bad') continue;
        const mapped = applyFeed(out, feed, attr);
        // A value that cannot take the attribute's type would be stored with quality bad.
        if (mapped.quality === 'bad' && typeof mapped.value !== attr.valueType) {
          return `attribute ${path} is a ${attr.type}: ${JSON.stringify(out.value).slice(0, 40)} cannot be read as one`;
        }
      }
      return undefined;
    },
  };
}
