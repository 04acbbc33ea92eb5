/**
 * A Modbus TCP test device: modbus-serial's ServerTCP (a real server speaking the wire protocol)
 * over an in-memory register map per unit id, with knobs for the cases the tests need: a delay
 * per request, address ranges answered with exception 2, registers that ignore writes, and
 * Read Device Identification (43/14) on or off. It counts requests and how many overlapped.
 */
import { ServerTCP } from 'modbus-serial';
import type { IServiceVector } from 'modbus-serial';

export type Area = 'coil' | 'discrete' | 'holding' | 'input';

interface Memory {
  holding: Uint16Array;
  input: Uint16Array;
  coil: Uint8Array;
  discrete: Uint8Array;
}

export interface ReadLog {
  area: Area;
  unitId: number;
  address: number;
  count: number;
}

type Vector = IServiceVector & { readDeviceIdentification?: (unitId: number) => Promise<Record<number, string>> };

const ILLEGAL_ADDRESS = { modbusErrorCode: 2, msg: 'Illegal data address' };

export class TestDevice {
  readonly port: number;
  /** Each register read is answered after this many ms. */
  delayMs = 0;
  /** The identification objects, or undefined to answer 43/14 with exception 1. */
  identity: Record<number, string> | undefined = { 0: 'Acme Controls', 1: 'AC-PLC-9', 2: 'v4.2.1' };
  /** Register reads being served now, and the most that were at once. */
  inFlight = 0;
  maxInFlight = 0;
  readonly reads: ReadLog[] = [];
  readonly #units = new Map<number, Memory>();
  readonly #illegal: Array<{ area: Area; from: number; to: number }> = [];
  readonly #ignored = new Set<number>();
  #server: ServerTCP | undefined;

  private constructor(port: number) {
    this.port = port;
  }

  /** A device listening on 127.0.0.1:port. */
  static async start(port: number): Promise<TestDevice> {
    const device = new TestDevice(port);
    await device.listen();
    return device;
  }

  /** Start listening (again) on the same port. */
  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const server = new ServerTCP(this.#vector(), { host: '127.0.0.1', port: this.port, unitID: 255 });
      server.on('initialized', () => resolve());
      server.on('serverError', (e) => reject(e));
      server.on('socketError', () => {});
      server.on('error', () => {});
      this.#server = server;
    });
  }

  /** Stop listening and drop every connection. */
  stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  memory(unitId = 1): Memory {
    let m = this.#units.get(unitId);
    if (!m) {
      m = { holding: new Uint16Array(65536), input: new Uint16Array(65536), coil: new Uint8Array(65536), discrete: new Uint8Array(65536) };
      this.#units.set(unitId, m);
    }
    return m;
  }

  setRegisters(area: 'holding' | 'input', address: number, values: readonly number[], unitId = 1): void {
    this.memory(unitId)[area].set(values, address);
  }

  setBit(area: 'coil' | 'discrete', address: number, value: boolean, unitId = 1): void {
    this.memory(unitId)[area][address] = value ? 1 : 0;
  }

  /** Reads that touch [from, to] in `area` are answered with exception 2 (illegal data address). */
  makeIllegal(area: Area, from: number, to: number): void {
    this.#illegal.push({ area, from, to });
  }

  clearIllegal(): void {
    this.#illegal.length = 0;
  }

  /** Writes to this holding register are acknowledged but not stored. */
  ignoreWrites(address: number): void {
    this.#ignored.add(address);
  }

  #check(area: Area, address: number, count: number): void {
    if (this.#illegal.some((r) => r.area === area && address <= r.to && address + count - 1 >= r.from)) throw ILLEGAL_ADDRESS;
  }

  /** A register read: logged, counted while it is served, answered after the delay. */
  #registers(area: 'holding' | 'input', address: number, count: number, unitId: number): Array<Promise<number>> {
    this.reads.push({ area, unitId, address, count });
    this.#check(area, address, count);
    const values = [...this.memory(unitId)[area].subarray(address, address + count)];
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const done = new Promise<void>((resolve) => setTimeout(resolve, this.delayMs)).then(() => void this.inFlight--);
    return values.map((v) => done.then(() => v));
  }

  #bit(area: 'coil' | 'discrete', address: number, unitId: number): boolean {
    this.#check(area, address, 1);
    return this.memory(unitId)[area][address] === 1;
  }

  #vector(): Vector {
    return {
      getMultipleHoldingRegisters: (addr: number, length: number, unitId: number) => this.#registers('holding', addr, length, unitId) as unknown as number[],
      getHoldingRegister: (addr: number, unitId: number) => this.#registers('holding', addr, 1, unitId)[0]!,
      getMultipleInputRegisters: (addr: number, length: number, unitId: number) => this.#registers('input', addr, length, unitId) as unknown as number[],
      getInputRegister: (addr: number, unitId: number) => this.#registers('input', addr, 1, unitId)[0]!,
      getCoil: (addr: number, unitId: number) => this.#bit('coil', addr, unitId),
      getDiscreteInput: (addr: number, unitId: number) => this.#bit('discrete', addr, unitId),
      setRegister: (addr: number, value: number, unitId: number) => {
        if (!this.#ignored.has(addr)) this.memory(unitId).holding[addr] = value;
      },
      setCoil: (addr: number, value: boolean, unitId: number) => {
        this.memory(unitId).coil[addr] = value ? 1 : 0;
      },
      readDeviceIdentification: () => (this.identity ? Promise.resolve(this.identity) : Promise.reject({ modbusErrorCode: 1 })),
    };
  }
}
