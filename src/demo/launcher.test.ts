/** The launcher in in-process mode: the same supervision as device processes, over real sockets. */
import net from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceLauncher } from './launcher.js';
import { freePorts } from './setup.js';

const logs: Array<{ level: number; msg: string; device?: string }> = [];
const logger = pino({ level: 'info' }, { write: (l: string) => void logs.push(JSON.parse(l)) });

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe('DeviceLauncher (in-process)', () => {
  let launcher: DeviceLauncher | undefined;
  afterEach(async () => {
    await launcher?.stop();
    logs.length = 0;
  });

  it('starts a device, restarts it after the delay when it stops unexpectedly, and stops it for good', async () => {
    const [port] = await freePorts(1);
    launcher = new DeviceLauncher({ mode: 'in-process', logger, restartDelayMs: 300 });
    await launcher.start([{ kind: 'modbus', seed: 1, epochMs: Date.now(), port: port! }]);
    expect(launcher.status()).toEqual([{ kind: 'modbus', state: 'running', endpoint: `modbus-tcp://127.0.0.1:${port}`, pid: undefined, restarts: 0 }]);
    expect(await answers(port!)).toBe(true);

    launcher.interrupt('modbus');
    expect(await until(() => launcher!.status()[0]!.state === 'restarting')).toBe(true);
    expect(await answers(port!)).toBe(false);
    expect(logs.map((l) => l.msg)).toContain("device modbus stopped (signal SIGKILL); restarting it in 0.3 s — watch the hub's connection status");

    expect(await until(() => launcher!.status()[0]!.state === 'running')).toBe(true);
    expect(launcher.status()[0]!.restarts).toBe(1);
    expect(await answers(port!)).toBe(true);

    await launcher.stop();
    expect(launcher.status()[0]!.state).toBe('stopped');
    expect(await answers(port!)).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect(await answers(port!)).toBe(false); // no restart after stop
  });

  it('fails the start with the device named, and leaves nothing running, when a device cannot serve', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as net.AddressInfo).port;
    const [free] = await freePorts(1);
    launcher = new DeviceLauncher({ mode: 'in-process', logger, restartDelayMs: 100 });
    try {
      await expect(launcher.start([{ kind: 'modbus', seed: 1, epochMs: Date.now(), port: taken }])).rejects.toThrow(/simulated modbus device failed/);
      expect(launcher.status().map((d) => d.state)).toEqual(['stopped']);
      expect(await answers(free!)).toBe(false);
    } finally {
      blocker.close();
    }
  });
});

describe('DeviceLauncher (process mode)', () => {
  it('says how to build the device program when it is missing', async () => {
    const launcher = new DeviceLauncher({ mode: 'process', logger, entry: '/nonexistent/devices/main.js' });
    await expect(launcher.start([{ kind: 'modbus', seed: 1, epochMs: 0, port: 1 }])).rejects.toThrow('run `npm run build` first');
  });
});
