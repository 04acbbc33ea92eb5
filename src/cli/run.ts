/** Running a hub in the foreground: start, print where to look, stop cleanly on SIGINT/SIGTERM. */
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { HubConfig } from '../config/schema.js';
import { isCausewayError } from '../core/errors.js';
import { Hub } from '../runtime/hub.js';

export interface RunOptions {
  config: HubConfig;
  dataDir: string;
  port?: number;
  logger: Logger;
  /** Printed after start-up, with the URL filled in. */
  banner?: (url: string) => string;
}

/** Start a hub and keep it running until a signal arrives; returns the exit code. */
export async function runHub(opts: RunOptions): Promise<number> {
  const dataDir = resolve(opts.dataDir);
  let hub: Hub;
  try {
    // The hub's OPC UA certificate is made for the site before any source connects (see own-certificate.ts).
    if ((opts.config.sources ?? []).some((s) => s.kind === 'opcua')) {
      const { prepareOwnCertificates } = await import('../sources/opcua/own-certificate.js');
      await prepareOwnCertificates(opts.config, dataDir, opts.logger);
    }
    hub = await Hub.create({ config: opts.config, dataDir, logger: opts.logger, ...(opts.port !== undefined ? { port: opts.port } : {}) });
  } catch (e) {
    return reportFatal(opts.logger, e);
  }
  let url: string;
  try {
    url = await hub.start();
  } catch (e) {
    return reportFatal(opts.logger, e);
  }
  opts.logger.info({ url, dataDir }, `Causeway is running at ${url} (API bound to loopback only until users and roles exist). Data in ${dataDir}.`);
  if (opts.banner) process.stdout.write(opts.banner(url));
  return stopOnSignal(opts.logger, async () => {
    opts.logger.info('Stopping sources, flushing the historian…');
    await hub.stop(); // logs what is left in the ingest spool, truthfully
  });
}

/**
 * Wait for SIGINT or SIGTERM, then run `stop`; resolves with the exit code (0 when it stopped
 * cleanly). A second signal exits at once, without waiting.
 */
export function stopOnSignal(logger: Logger, stop: () => Promise<void>): Promise<number> {
  return new Promise<number>((done) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn(`${signal} again: exiting without waiting for the flush.`);
        process.exit(1);
      }
      stopping = true;
      logger.info(`${signal} received.`);
      stop().then(
        () => done(0),
        (e: unknown) => done(reportFatal(logger, e)),
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** Log a start-up failure as an operator sentence with its hint; exit code 1. */
export function reportFatal(logger: Logger, e: unknown): number {
  if (isCausewayError(e)) logger.fatal({ code: e.code, detail: e.detail }, `${e.message} ${e.hint}`);
  else logger.fatal({ err: e }, 'The hub stopped because of an unexpected error.');
  return 1;
}
