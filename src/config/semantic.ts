/**
 * Semantic checks: what the schema cannot see. They read a config that may not have passed the
 * schema (wrong shapes read as absent), so one run reports every problem at once.
 */
import { isObj } from './data.js';
import { checkAlarms } from './semantic-alarms.js';
import { checkAlarmNotify } from './semantic-alarm-notify.js';
import { checkAssets } from './semantic-assets.js';
import { checkBroker } from './semantic-broker.js';
import { checkCalcs } from './semantic-calcs.js';
import { checkFlows } from './semantic-flows.js';
import { checkProduction } from './semantic-production.js';
import { indexConfig } from './semantic-index.js';
import { checkTemplates, checkZoneRefs } from './semantic-refs.js';
import { checkContracts, checkTemplateParts } from './semantic-templates.js';
import { checkValues } from './semantic-values.js';
import { checkUnits } from './semantic-units.js';
import type { ProblemContext } from './collector.js';

/** Report duplicate ids, unknown references, invalid paths, template and calculation cycles, units, denied flows, contradictions and unsafe broker ACLs. */
export function checkSemantics(data: unknown, ctx: ProblemContext): void {
  if (!isObj(data)) return;
  const index = indexConfig(data, ctx);
  checkZoneRefs(data, index, ctx);
  checkTemplates(data, index, ctx);
  checkTemplateParts(data, index, ctx);
  checkAssets(data, index, ctx);
  checkCalcs(data, index, ctx);
  checkAlarms(data, index, ctx);
  checkAlarmNotify(data, ctx);
  checkContracts(data, index, ctx);
  checkFlows(data, index, ctx);
  checkValues(data, ctx);
  checkProduction(data, index, ctx);
  checkBroker(data, ctx);
  checkUnits(data, ctx);
}
