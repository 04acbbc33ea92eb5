/** Relaying a device process's output into the hub's log, so one stream tells the whole story. */
import type { Logger } from 'pino';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** pino's numeric levels by name. */
const LEVELS: ReadonlyArray<[number, Level]> = [[60, 'fatal'], [50, 'error'], [40, 'warn'], [30, 'info'], [20, 'debug'], [10, 'trace']];
/** Fields of a pino line that the parent's logger writes itself. */
const OWN_FIELDS = new Set(['level', 'time', 'msg', 'hostname', 'v']);

/** The level name of a pino numeric level. */
export function levelName(level: unknown): Level {
  const n = typeof level === 'number' ? level : 30;
  return LEVELS.find(([at]) => n >= at)?.[1] ?? 'trace';
}

/** One line of a device's output as a log entry: pino JSON keeps its level and fields; anything else is plain text. */
export function parseLine(line: string, plainLevel: Level): { level: Level; fields: Record<string, unknown>; msg: string } | undefined {
  const text = line.trim();
  if (text === '') return undefined;
  if (text.startsWith('{')) {
    try {
      const entry = JSON.parse(text) as Record<string, unknown>;
      // The parent's log lines carry its own pid: the device's becomes devicePid.
      const fields = Object.fromEntries(Object.entries(entry).filter(([k]) => !OWN_FIELDS.has(k)).map(([k, v]) => [k === 'pid' ? 'devicePid' : k, v]));
      return { level: levelName(entry.level), fields, msg: typeof entry.msg === 'string' ? entry.msg : '' };
    } catch {
      // Not JSON after all: relay as text.
    }
  }
  return { level: plainLevel, fields: {}, msg: text };
}

/** Write one line of a device's output to `logger` (already bound to the device). */
export function relayLine(logger: Logger, line: string, plainLevel: Level): void {
  const entry = parseLine(line, plainLevel);
  if (entry) logger[entry.level](entry.fields, entry.msg);
}
