/** The rollups a historian can keep: name (config key and table suffix `rollup_<name>`) and bucket size. */
export const ROLLUPS = [
  { name: '1m', ms: 60_000 },
  { name: '1h', ms: 3_600_000 },
] as const;

export type RollupName = (typeof ROLLUPS)[number]['name'];

/** The rollup of a bucket size, if one exists. */
export function rollupOfSize(ms: number): (typeof ROLLUPS)[number] | undefined {
  return ROLLUPS.find((r) => r.ms === ms);
}
