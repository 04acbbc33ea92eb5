import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { levelName, parseLine, relayLine } from './child-log.js';

describe('relaying a device process\'s output', () => {
  it('keeps the level, message and fields of a pino line, and names the device pid apart from ours', () => {
    const line = JSON.stringify({ level: 40, time: 1, pid: 4242, hostname: 'h', port: 502, msg: 'slow' });
    expect(parseLine(line, 'info')).toEqual({ level: 'warn', fields: { devicePid: 4242, port: 502 }, msg: 'slow' });
  });

  it('relays plain text (a stack trace on stderr) at the given level, and skips blank lines', () => {
    expect(parseLine('    at main (file:///x.js:1:1)', 'warn')).toEqual({ level: 'warn', fields: {}, msg: 'at main (file:///x.js:1:1)' });
    expect(parseLine('{not json', 'info')).toMatchObject({ level: 'info', msg: '{not json' });
    expect(parseLine('   ', 'info')).toBeUndefined();
  });

  it('maps pino levels by their numbers', () => {
    expect([10, 20, 30, 40, 50, 60, 35, 'x'].map(levelName)).toEqual(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'info', 'info']);
  });

  it('writes through the launcher\'s logger, bound to the device', () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) }).child({ device: 'modbus' });
    relayLine(logger, JSON.stringify({ level: 30, msg: 'listening', port: 5020 }), 'info');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, device: 'modbus', port: 5020, msg: 'listening' });
  });
});
