/**
 * Units are checked against the units library (mathjs: SI and the common imperial and process
 * units), the plant count units and the site's own `site.units`, so a typo such as `kWhh` is found
 * by `causeway check` with a suggestion instead of silently turning off unit conversion.
 */
import { entries, isObj, str, type Obj } from './data.js';
import type { ProblemContext } from './collector.js';
import type { KeyPath } from './key-path.js';
import { isAcceptedUnit, suggestUnit } from './units.js';

function checkUnit(owner: Obj, path: KeyPath, extra: readonly string[], ctx: ProblemContext): void {
  const unit = str(owner.unit);
  if (unit === undefined || isAcceptedUnit(unit, extra)) return;
  const suggestion = suggestUnit(unit, extra);
  const where = [...path, 'unit'];
  const message = `${ctx.show(where, unit)} is not a unit the hub knows${suggestion ? ` — did you mean "${suggestion}"?` : '.'}`;
  const hint = 'Write an SI or common unit as the units library spells it (degC, bar, kWh, l/min, m3/h), or a count unit (bottles, pcs, %, ppm, bottles/min). '
    + 'A unit of your plant that is none of these: list it under site.units.';
  ctx.report(where, 'CW_CONFIG_UNKNOWN_UNIT', message, hint);
}

/** Report every tag and attribute unit that is neither a library unit, a plant count unit nor listed in site.units. */
export function checkUnits(data: Obj, ctx: ProblemContext): void {
  const site = isObj(data.site) ? data.site : {};
  const extra = Array.isArray(site.units) ? site.units.filter((u): u is string => typeof u === 'string') : [];
  for (const [src, i] of entries(data, 'sources')) {
    for (const [tag, j] of entries(src, 'tags')) checkUnit(tag, ['sources', i, 'tags', j], extra, ctx);
  }
  for (const [template, i] of entries(data, 'templates')) {
    for (const [attr, j] of entries(template, 'attributes')) checkUnit(attr, ['templates', i, 'attributes', j], extra, ctx);
  }
}
