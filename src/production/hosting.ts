/**
 * How the hub hosts the production application: everything built from the config's `production:`
 * block and the running parts the hub hands in, plus the periodic tasks the hub's runtime
 * schedules (ERP inputs, tracking and publishing, confirmation delivery) and the hub-made paths
 * it publishes. The hub owns the timers; this file only says what to run and how often.
 */
import type { HubConfig } from '../config/schema.js';
import { CausewayError } from '../core/errors.js';
import type { Sample, Value } from '../core/sample.js';
import type { CounterRule } from '../core/counter.js';
import type { Historian } from '../historian/types.js';
import { conduitGate, type WriteGate } from './dispatch.js';
import { Production } from './index.js';
import type { ConfirmationTarget } from './outbox.js';
import { productionSettings, type ProductionSettings } from './settings.js';
import { ProductionStore } from './store.js';
import { folderTarget, stagingTarget, webhookTarget, type Signer } from './targets.js';

export interface ProductionHost {
  config: HubConfig;
  dataDir: string;
  historian: Historian;
  attribute(path: string): { writable: boolean; boundTo?: string; valueType: string; min?: number; max?: number; calc?: string; counter?: CounterRule } | undefined;
  /** A running source, as the stand-in write gate needs it. */
  source(id: string): { zone: string; connected: boolean; canWrite: boolean; write(tagId: string, value: Value): Promise<void> } | undefined;
  publish(batch: Sample[]): Promise<void>;
  /** The webhook signature (the webhook sink's). */
  sign: Signer;
  /** The write gate for orders; the conduit-checking stand-in when absent. */
  gate?: WriteGate;
  now: () => number;
}

/** A periodic task: the hub runs it every intervalMs (longer after failures) and records how it went. */
export interface ProductionTask {
  name: string;
  intervalMs: number;
  run(): Promise<unknown>;
}

export interface TaskStatus {
  name: string;
  lastRunAt?: number;
  lastSuccessAt?: number;
  lastError?: string;
}

export interface HostedProduction {
  production: Production;
  tasks: ProductionTask[];
  /** Every path the application publishes (`<line>/oee/*`, `<line>/order/*`), for the pipeline's rules. */
  paths: string[];
  close(): Promise<void>;
}

/** How often due confirmations are sent. */
export const DELIVER_INTERVAL_MS = 5000;

function targetsOf(s: ProductionSettings, host: ProductionHost, production: () => Production): ConfirmationTarget[] {
  return s.targets.map((t) => {
    if (t.kind === 'webhook') return webhookTarget(t, host.sign, host.now);
    if (t.kind === 'folder') return folderTarget(t.id, t.path);
    // Made lazily: the staging connection belongs to the Production built below.
    return {
      id: t.id, kind: 'staging',
      async send(c) {
        const db = production().staging;
        if (!db) throw new CausewayError('CW_ERP_CONFIRM_FAILED', { target: t.id, key: c.key, reason: 'production.erp.staging is switched off' });
        await stagingTarget(t.id, db).send(c);
      },
    };
  });
}

function gateOf(host: ProductionHost): WriteGate {
  return conduitGate({
    attribute: (p) => host.attribute(p),
    sourceZone: (id) => {
      const s = host.source(id);
      return s && s.canWrite && s.connected ? s.zone : undefined;
    },
    write: (id, tag, value) => host.source(id)!.write(tag, value),
  }, host.config.conduits ?? [], host.config.site.hubZone);
}

/** Record each run of a task in `status`. */
function tracked(name: string, intervalMs: number, run: () => Promise<unknown>, status: Map<string, TaskStatus>, now: () => number): ProductionTask {
  status.set(name, { name });
  return {
    name, intervalMs,
    async run() {
      const at = now();
      try {
        const r = await run();
        status.set(name, { name, lastRunAt: at, lastSuccessAt: at });
        return r;
      } catch (e) {
        status.set(name, { ...status.get(name), name, lastRunAt: at, lastError: e instanceof Error ? e.message : String(e) });
        throw e;
      }
    },
  };
}

/** Build the production application of a config, or undefined when it has no production block. */
export function openProduction(host: ProductionHost): HostedProduction | undefined {
  const c = host.config.production;
  if (!c) return undefined;
  const settings = productionSettings(c, host.config.site.timezone, host.dataDir, (path) => host.attribute(path)?.counter);
  const store = ProductionStore.open(host.dataDir);
  let production: Production | undefined;
  try {
    production = new Production(settings, {
      store, historian: host.historian, publish: host.publish, gate: host.gate ?? gateOf(host), now: host.now,
      targets: targetsOf(settings, host, () => production!),
    });
  } catch (e) {
    store.close();
    throw e;
  }
  const p = production;
  const s = p.taskStatus;
  const tasks: ProductionTask[] = [
    ...(p.staging ? [tracked('erp-staging', settings.staging!.pollIntervalMs, () => p.pollStaging(), s, host.now)] : []),
    ...(p.folder ? [tracked('erp-folder', settings.folder!.pollIntervalMs, () => p.folder!.poll(), s, host.now)] : []),
    tracked('tracking', settings.publishIntervalMs, () => p.tick(), s, host.now),
    ...(settings.targets.length > 0 ? [tracked('confirmations', DELIVER_INTERVAL_MS, () => p.deliver(), s, host.now)] : []),
  ];
  const paths = settings.lines.flatMap((l) => [...['availability', 'performance', 'quality', 'oee'].map((k) => `${l.path}/oee/${k}`), ...['id', 'product', 'quantity'].map((k) => `${l.path}/order/${k}`)]);
  return {
    production: p, tasks, paths,
    async close() {
      await p.close();
      store.close();
    },
  };
}
