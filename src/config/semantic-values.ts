/** Settings that contradict each other, and sink path prefixes. */
import { entries, isObj, type Obj } from './data.js';
import { checkNsPath } from './semantic-assets.js';
import type { ProblemContext } from './collector.js';
import type { KeyPath } from './key-path.js';

function checkMinMax(ctx: ProblemContext, path: KeyPath, what: string, min: unknown, max: unknown): void {
  if (typeof min !== 'number' || typeof max !== 'number' || min <= max) return;
  ctx.report(path, 'CW_CONFIG_CONFLICT', `${what} min (${ctx.show([...path, 'min'], min)}) is above max (${ctx.show([...path, 'max'], max)}).`, 'Swap the two limits, or correct one of them.');
}

function checkTag(ctx: ProblemContext, tag: Obj, path: KeyPath): void {
  const deadband = tag.deadband;
  if (isObj(deadband) && deadband.percent !== undefined && deadband.absolute !== undefined) {
    ctx.report(
      [...path, 'deadband'],
      'CW_CONFIG_CONFLICT',
      'The deadband sets both percent and absolute; only one may be set.',
      'Keep absolute for a change in engineering units, or percent for a share of the span.',
    );
  }
  if (isObj(tag.clamp)) checkMinMax(ctx, [...path, 'clamp'], 'Clamp', tag.clamp.min, tag.clamp.max);
}

/** Deadbands with both percent and absolute, clamps and attribute limits with min above max, sink path prefixes. */
export function checkValues(data: Obj, ctx: ProblemContext): void {
  for (const [src, i] of entries(data, 'sources')) {
    for (const [tag, j] of entries(src, 'tags')) checkTag(ctx, tag, ['sources', i, 'tags', j]);
  }
  for (const [tpl, i] of entries(data, 'templates')) {
    for (const [attr, j] of entries(tpl, 'attributes')) checkMinMax(ctx, ['templates', i, 'attributes', j], 'Attribute', attr.min, attr.max);
  }
  for (const [sink, i] of entries(data, 'sinks')) {
    if (!Array.isArray(sink.paths)) continue;
    sink.paths.forEach((p, j) => checkNsPath(ctx, ['sinks', i, 'paths', j], p, 'Path prefix'));
  }
}
