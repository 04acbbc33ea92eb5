/** `causeway check FILE` and `causeway schema`: the config commands, written to a stream so they can be tested. */
import { buildJsonSchema, describeZoneGraph, formatProblems } from '../../config/index.js';
import { dynamicSourcesOf, kindSchemas, loadChecked } from '../config-io.js';
import { describeSinkReach } from '../../runtime/sink-reach.js';
import { notificationWarnings } from '../../config/semantic-alarm-notify.js';

export interface Out {
  write(text: string): unknown;
}

/** Print every problem of a config file, or "no problems" and the zone graph; returns the exit code. */
export async function runCheck(file: string, out: Out): Promise<number> {
  const { config, problems } = await loadChecked(file);
  if (!config) {
    out.write(`${formatProblems(problems)}\n\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}.\n`);
    return 1;
  }
  const sinks = describeSinkReach(config, dynamicSourcesOf(config));
  const warnings = notificationWarnings(config).map((w) => `Warning: ${w}\n`).join('');
  out.write(`${file}: no problems.\n${warnings}\n${describeZoneGraph(config)}\n${sinks ? `${sinks}\n` : ''}`);
  return 0;
}

/** Print the JSON Schema of the config. */
export function runSchema(out: Out): number {
  out.write(`${JSON.stringify(buildJsonSchema(kindSchemas()), null, 2)}\n`);
  return 0;
}
