/**
 * The entry of a simulated device process:
 *
 *   node dist/demo/devices/main.js <opcua|modbus|sparkplug|meter>
 *
 * Settings (ports, seed, PKI folder, broker URL and credentials, hub URL and token) come from
 * environment variables (see settings.ts), never from the command line. Logs are pino JSON lines
 * on stdout, which the demo launcher relays into the hub's log. When ready it tells the launcher
 * over IPC; it stops cleanly on SIGTERM or SIGINT, and also when the launcher goes away.
 */
import pino from 'pino';
import { startDevice, type RunningDevice } from './index.js';
import { readDeviceSettings } from './settings.js';

const STOP_TIMEOUT_MS = 5000;
const kind = process.argv[2] ?? '';
const logger = pino({ level: process.env.CAUSEWAY_LOG_LEVEL ?? 'info', base: { pid: process.pid }, redact: { paths: ['password', 'token', '*.password', '*.token'], censor: '[redacted]' } });

/** Stop the device (bounded) and exit. */
function shutdown(device: RunningDevice, why: string): void {
  logger.info(`Stopping (${why}).`);
  const timer = setTimeout(() => process.exit(0), STOP_TIMEOUT_MS);
  device.stop().then(
    () => {
      clearTimeout(timer);
      process.exit(0);
    },
    (e: unknown) => {
      logger.error({ err: e }, 'The device did not stop cleanly.');
      process.exit(1);
    },
  );
}

async function main(): Promise<void> {
  const settings = readDeviceSettings(kind, process.env);
  if ('problem' in settings) {
    logger.fatal(`Cannot start the simulated device: ${settings.problem}.`);
    process.exit(2);
  }
  let device: RunningDevice;
  try {
    device = await startDevice(settings, logger);
  } catch (e) {
    logger.fatal({ err: e }, `The simulated ${kind} device could not start: ${(e as Error).message}`);
    process.exit(1);
  }
  process.send?.({ type: 'ready', endpoint: device.endpoint });
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    shutdown(device, why);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  // The launcher died without stopping us: no orphans.
  process.once('disconnect', () => stop('the demo launcher went away'));
}

await main();
