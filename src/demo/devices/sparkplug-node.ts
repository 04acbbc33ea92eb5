/**
 * The simulated compressor as a Sparkplug B edge node on the hub's embedded broker: NBIRTH with
 * every metric's name, alias and datatype once the hub's STATE says it is online (primaryHostId),
 * then NDATA by alias every second. When the broker goes away it tries again every second, logging once per outage.
 */
import type { Logger } from 'pino';
import { SparkplugEdgeNode, type EdgeNodeOptions } from '../../sources/sparkplug/edge-node.js';
import { compressorTags, engineeringValue } from '../plant.js';
import { demoSparkplugPoints, SPARKPLUG_GROUP, SPARKPLUG_NODE } from '../sparkplug-model.js';
import { PlantClock, type PlantStep } from './clock.js';
import type { RunningDevice } from './types.js';

const RETRY_MS = 1000;

/**
 * The edge node's NBIRTH properties: a WAGO PFC200 controller with a firmware in the range of
 * ICSA-23-325-01 (FW17 to FW26), so the demo's inventory shows a real finding.
 */
export const SPARKPLUG_PROPERTIES: Readonly<Record<string, string>> = {
  'Hardware Make': 'WAGO',
  'Product Name': 'PFC200',
  'Hardware Model': '750-8212',
  OS: 'Linux',
  'OS Version': '5.10 RT',
  Firmware: 'FW22',
};

export interface SparkplugNodeOptions {
  brokerUrl: string;
  username: string;
  password: string;
  /** The hub's Sparkplug host id: births follow its STATE. */
  hostId: string;
  seed: number;
  epochMs: number;
  logger: Logger;
}

/** An edge node that knows whether it has published its births in the current session. */
class CompressorNode extends SparkplugEdgeNode {
  born = false;

  override async connect(): Promise<void> {
    this.born = false;
    await super.connect();
  }

  override async publishBirths(): Promise<void> {
    await super.publishBirths();
    this.born = true;
  }
}

/** Metric values of a step, by Sparkplug name (scaled tags in their unit). */
function valuesOf(step: PlantStep): Record<string, number | boolean> {
  const tags = new Map(compressorTags().map((t) => [t.id, t]));
  const out: Record<string, number | boolean> = {};
  for (const p of demoSparkplugPoints()) {
    const v = step.values.get(p.tagId);
    if (v) out[p.name] = engineeringValue(tags.get(p.tagId)!, v.value) as number | boolean;
  }
  return out;
}

/** Start the edge node: it connects (and reconnects) on its own; resolves at once. */
export async function startSparkplugNode(o: SparkplugNodeOptions): Promise<RunningDevice> {
  const node = new CompressorNode({
    url: o.brokerUrl, groupId: SPARKPLUG_GROUP, edgeNodeId: SPARKPLUG_NODE, clientId: `edge-${SPARKPLUG_NODE}`,
    username: o.username, password: o.password, primaryHostId: o.hostId,
    metrics: demoSparkplugPoints().map((p) => ({ name: p.name, datatype: p.datatype, alias: p.alias })),
    properties: { ...SPARKPLUG_PROPERTIES },
  } satisfies EdgeNodeOptions);
  const clock = new PlantClock(compressorTags(), {
    seed: o.seed, epochMs: o.epochMs,
    onStep: (step) => {
      const values = valuesOf(step);
      // Births carry the latest values; data goes out only after births, never before.
      if (node.connected && node.born) node.publishData(values).catch(() => undefined);
      else node.setValues(values);
    },
  });
  clock.start();
  const link = new BrokerLink(node, o);
  return {
    endpoint: o.brokerUrl,
    async stop() {
      clock.stop();
      await link.stop();
    },
  };
}

/** Keeps the node connected: a new session every second while the broker is away, logged once per outage. */
class BrokerLink {
  readonly #node: CompressorNode;
  readonly #o: SparkplugNodeOptions;
  readonly #timer: NodeJS.Timeout;
  #connecting: Promise<void> | undefined;
  #stopped = false;
  #outage = false;
  #everConnected = false;

  constructor(node: CompressorNode, o: SparkplugNodeOptions) {
    this.#node = node;
    this.#o = o;
    this.#timer = setInterval(() => this.#check(), RETRY_MS);
    this.#check();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#connecting;
    await this.#node.close().catch(() => undefined);
  }

  #check(): void {
    if (this.#stopped || this.#connecting || this.#node.connected) return;
    this.#connecting = this.#connect().finally(() => (this.#connecting = undefined));
  }

  async #connect(): Promise<void> {
    const { brokerUrl, hostId, logger } = this.#o;
    this.#node.kill(); // drop a dead client before the next session
    try {
      await this.#node.connect();
      logger.info(`Connected to the broker at ${brokerUrl}; births follow when host ${hostId} is online.`);
      this.#outage = false;
      this.#everConnected = true;
    } catch (e) {
      this.#node.kill();
      if (!this.#outage) {
        const what = this.#everConnected ? 'does not answer' : 'does not answer yet (the hub starts it)';
        logger.info({ reason: (e as Error).message }, `The broker at ${brokerUrl} ${what}; trying again every ${RETRY_MS / 1000} s.`);
      }
      this.#outage = true;
    }
  }
}
