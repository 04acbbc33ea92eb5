/**
 * One Modbus TCP connection (modbus-serial underneath). Requests go out one at a time: many
 * devices serve a single request per connection, and a slow device must not pile requests up.
 * Every request has a deadline. A timeout or a broken link marks the connection lost, so every
 * request after it fails at once and the supervisor reconnects; a Modbus exception answer does not.
 * Never retries or sleeps by itself.
 */
import modbusSerial from 'modbus-serial';
import { CausewayError } from '../../core/errors.js';
import type { Area } from './batching.js';

// modbus-serial is CommonJS: its module object is the client class, and `.default` points to it as well.
const ModbusRTU = modbusSerial.default;
type ModbusRTU = InstanceType<typeof ModbusRTU>;

export interface LinkOptions {
  sourceId: string;
  host: string;
  port: number;
  timeoutMs: number;
}

const EXCEPTIONS: Record<number, string> = {
  1: 'illegal function', 2: 'illegal data address', 3: 'illegal data value', 4: 'server device failure',
  5: 'acknowledge', 6: 'server device busy', 8: 'memory parity error', 10: 'gateway path unavailable',
  11: 'gateway target device failed to respond',
};

/** The name of a Modbus exception code. */
export function exceptionMeaning(code: number): string {
  return EXCEPTIONS[code] ?? 'unknown exception';
}

const AREA_NAMES: Record<Area, [string, string]> = {
  coil: ['coil', 'coils'], discrete: ['discrete input', 'discrete inputs'], holding: ['holding register', 'holding registers'], input: ['input register', 'input registers'],
};

/** "holding registers 100-109", or "coil 5" for one. */
export function rangeText(area: Area, start: number, count: number): string {
  const [one, many] = AREA_NAMES[area];
  return count === 1 ? `${one} ${start}` : `${many} ${start}-${start + count - 1}`;
}

const CONNECT_REASONS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused', ECONNRESET: 'the connection was reset', EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable', ENOTFOUND: 'the host name does not resolve', EAI_AGAIN: 'the host name does not resolve',
};

function errnoOf(e: unknown): string | undefined {
  const x = e as { code?: unknown; errno?: unknown } | undefined;
  return typeof x?.code === 'string' ? x.code : typeof x?.errno === 'string' ? x.errno : undefined;
}

/** A modbus-serial error detail: its name, errno and message. */
function describe(e: unknown): string {
  if (e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)) {
    const x = e as { name?: string; message?: string };
    return [errnoOf(e), x.name !== 'Error' ? x.name : undefined, x.message].filter(Boolean).join(': ');
  }
  return String(e);
}

function isTimeout(e: unknown): boolean {
  return errnoOf(e) === 'ETIMEDOUT' || (e as { name?: unknown } | undefined)?.name === 'TransactionTimedOutError';
}

/** Race `p` against a deadline and an abort signal. */
function withDeadline<T>(p: Promise<T>, ms: number, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
    const onAbort = () => reject(new Error('the hub stopped the connection attempt'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    });
  });
}

export class ModbusConnection {
  readonly #opts: LinkOptions;
  #client: ModbusRTU | undefined;
  /** Why the link is unusable; set by a timeout, a broken link or close(). */
  #lost: CausewayError | undefined;
  /** The request queue: each request starts when the one before it settled. */
  #tail: Promise<unknown> = Promise.resolve();
  #inflight: ((e: CausewayError) => void) | undefined;

  constructor(opts: LinkOptions) {
    this.#opts = opts;
  }

  /** host:port, for messages. */
  get target(): string {
    return `${this.#opts.host}:${this.#opts.port}`;
  }

  get connected(): boolean {
    return this.#client !== undefined && this.#lost === undefined;
  }

  /** Open the TCP connection; throws a retryable CW_SOURCE_CONNECT_FAILED naming host:port. */
  async open(signal: AbortSignal): Promise<void> {
    await this.close();
    const client = new ModbusRTU();
    this.#client = client;
    this.#lost = undefined;
    client.on('error', (e: unknown) => this.#markLost(this.#readFailed(`the link to ${this.target} failed`, e)));
    client.on('close', () => this.#markLost(this.#readFailed(`the device at ${this.target} closed the connection`)));
    try {
      await withDeadline(client.connectTCP(this.#opts.host, { port: this.#opts.port }), this.#opts.timeoutMs, signal);
    } catch (e) {
      await this.close();
      const code = errnoOf(e);
      const reason = isTimeout(e) ? `no answer within ${this.#opts.timeoutMs} ms` : (code && CONNECT_REASONS[code]) ?? 'the connection failed';
      throw new CausewayError('CW_SOURCE_CONNECT_FAILED', { source: this.#opts.sourceId, target: this.target, reason }, { detail: describe(e), cause: e });
    }
    client.setTimeout(this.#opts.timeoutMs);
  }

  /** Read `count` holding or input registers. */
  async readRegisters(area: 'holding' | 'input', unitId: number, start: number, count: number): Promise<number[]> {
    const what = `the read of ${rangeText(area, start, count)}`;
    const res = await this.#run(what, unitId, (c) => (area === 'holding' ? c.readHoldingRegisters(start, count) : c.readInputRegisters(start, count)));
    return res.data.slice(0, count);
  }

  /** Read `count` coils or discrete inputs. */
  async readBits(area: 'coil' | 'discrete', unitId: number, start: number, count: number): Promise<boolean[]> {
    const what = `the read of ${rangeText(area, start, count)}`;
    const res = await this.#run(what, unitId, (c) => (area === 'coil' ? c.readCoils(start, count) : c.readDiscreteInputs(start, count)));
    return res.data.slice(0, count);
  }

  /** Write holding registers: function 6 for one register, 16 for more. */
  async writeRegisters(unitId: number, address: number, values: number[]): Promise<void> {
    const what = `the write of ${rangeText('holding', address, values.length)}`;
    await this.#run<unknown>(what, unitId, (c) => (values.length === 1 ? c.writeRegister(address, values[0]!) : c.writeRegisters(address, values)));
  }

  /** Write one coil (function 5). */
  async writeCoil(unitId: number, address: number, state: boolean): Promise<void> {
    await this.#run(`the write of ${rangeText('coil', address, 1)}`, unitId, (c) => c.writeCoil(address, state));
  }

  /** Set or clear bits of one holding register on the device (function 22, mask write). */
  async maskWrite(unitId: number, address: number, andMask: number, orMask: number): Promise<void> {
    await this.#run(`the mask write of ${rangeText('holding', address, 1)}`, unitId, (c) => c.maskWriteRegister(address, andMask, orMask));
  }

  /** Read Device Identification (function 43, MEI 14): the objects the device returned, by id. */
  async readDeviceIdentification(unitId: number, readCode: number, objectId: number): Promise<Record<number, string>> {
    const what = 'the device identification request (function 43/14)';
    const res = await this.#run(what, unitId, (c) => c.readDeviceIdentification(readCode, objectId));
    // modbus-serial types `data` as string[], but fills an object keyed by object id.
    return { ...(res.data as unknown as Record<number, string>) };
  }

  /** Close the connection; pending requests fail at once. Safe to call at any time. */
  async close(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    this.#markLost(this.#readFailed(`the connection to ${this.target} was closed by the hub`));
    if (!client) return;
    // The client is an EventEmitter, though its typings do not say so.
    (client as unknown as NodeJS.EventEmitter).removeAllListeners();
    client.on('error', () => {}); // late socket errors of a closed client are of no interest
    await new Promise<void>((resolve) => client.destroy(() => resolve()));
  }

  /** Run one request after the ones before it, within the connection's deadline. */
  #run<T>(what: string, unitId: number, call: (c: ModbusRTU) => Promise<T>): Promise<T> {
    const run = (): Promise<T> => {
      const client = this.#client;
      if (!client || this.#lost) return Promise.reject(this.#lost ?? this.#readFailed(`there is no connection to ${this.target}`));
      return new Promise<T>((resolve, reject) => {
        this.#inflight = reject;
        client.setID(unitId);
        call(client).then(resolve, (e: unknown) => reject(this.#failure(e, what, unitId)));
      }).finally(() => {
        this.#inflight = undefined;
      });
    };
    const p = this.#tail.then(run, run);
    this.#tail = p.catch(() => undefined);
    return p;
  }

  /** The error for a failed request; all but a Modbus exception mark the link lost. */
  #failure(e: unknown, what: string, unitId: number): CausewayError {
    const code = (e as { modbusCode?: unknown } | undefined)?.modbusCode;
    if (typeof code === 'number') {
      const params = { source: this.#opts.sourceId, request: `${what} (unit ${unitId})`, code, meaning: exceptionMeaning(code) };
      return new CausewayError('CW_SOURCE_MODBUS_EXCEPTION', params, { detail: describe(e), cause: e });
    }
    if (this.#lost) return this.#lost;
    const reason = isTimeout(e)
      ? `no answer within ${this.#opts.timeoutMs} ms to ${what} (unit ${unitId}) at ${this.target}`
      : `${what} (unit ${unitId}) at ${this.target} failed`;
    const err = this.#readFailed(reason, e);
    this.#markLost(err);
    return err;
  }

  #readFailed(reason: string, cause?: unknown): CausewayError {
    return new CausewayError('CW_SOURCE_READ_FAILED', { source: this.#opts.sourceId, reason }, cause === undefined ? {} : { detail: describe(cause), cause });
  }

  #markLost(e: CausewayError): void {
    if (this.#lost) return;
    this.#lost = e;
    this.#inflight?.(e);
  }
}
