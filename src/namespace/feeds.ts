/**
 * Feeds: how a raw source tag's sample becomes an attribute's sample. In order: the value map
 * (device codes to template codes), the attribute's type, the binding's scale and offset, the
 * unit conversion from the tag's unit to the attribute's. Pure.
 */
import type { BindingConfig, TagConfig } from '../config/schema.js';
import { convertUnit, unitConversion } from '../config/units.js';
import { coerceValue, type Sample, type Value } from '../core/sample.js';
import type { AttributeNode } from './model.js';

/** The path from one raw tag to one attribute. */
export interface Feed {
  /** The raw tag, `<source-id>/<tag-id>`. */
  tag: string;
  /** The tag's unit, from its config. */
  tagUnit?: string;
  scale: number;
  offset: number;
  map?: Readonly<Record<string, Value>>;
  /** Present when the tag's unit differs from the attribute's and converts to it. */
  conversion?: { from: string; to: string; factor: number; offset: number };
}

/** The raw tag a binding names, if it names one. */
export function bindingTag(binding: BindingConfig | undefined): string | undefined {
  if (binding === undefined) return undefined;
  return typeof binding === 'string' ? binding : binding.tag;
}

/** The calculation a binding asks for, if any. */
export function bindingCalc(binding: BindingConfig | undefined): string | undefined {
  return typeof binding === 'object' ? binding.calc : undefined;
}

/** The feed of a tag binding, with the conversion from the tag's unit to the attribute's unit. */
export function feedOf(binding: BindingConfig, tag: TagConfig | undefined, attrUnit: string | undefined): Feed | undefined {
  const raw = bindingTag(binding);
  if (raw === undefined) return undefined;
  const opts = typeof binding === 'object' ? binding : {};
  const conv = unitConversion(tag?.unit, attrUnit);
  return {
    tag: raw,
    ...(tag?.unit !== undefined ? { tagUnit: tag.unit } : {}),
    scale: opts.scale ?? 1,
    offset: opts.offset ?? 0,
    ...(opts.map ? { map: opts.map } : {}),
    ...(conv.kind === 'linear' ? { conversion: { from: conv.from, to: conv.to, factor: conv.factor, offset: conv.offset } } : {}),
  };
}

/**
 * The attribute's sample from a raw sample: mapped, typed, scaled and converted. A value that
 * cannot take the attribute's type, or a state code the attribute does not define, keeps its
 * value and gets quality bad rather than being dropped.
 */
export function applyFeed(s: Sample, feed: Feed, attr: AttributeNode): Sample {
  const mapped = feed.map?.[String(s.value)] ?? s.value;
  let value = coerceValue(mapped, attr.valueType);
  if (value === undefined) return { ...s, path: attr.path, value: mapped, quality: 'bad' };
  if (typeof value === 'number') {
    if (feed.scale !== 1 || feed.offset !== 0) value = value * feed.scale + feed.offset;
    if (feed.conversion) value = convertUnit(value, feed.conversion);
    if (!Number.isFinite(value)) return { ...s, path: attr.path, value: mapped, quality: 'bad' };
  }
  if (attr.type === 'state' && attr.states && !Object.hasOwn(attr.states, String(value))) return { ...s, path: attr.path, value, quality: 'bad' };
  return { ...s, path: attr.path, value };
}
