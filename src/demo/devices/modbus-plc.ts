/**
 * The simulated Modbus TCP PLC of the packaging lines: labelers and palletizers of lines 1 and 2
 * in holding registers, input registers and coils (see demoModbusMap), served by modbus-serial's
 * ServerTCP over the real wire protocol. It answers Read Device Identification (43/14). The map is
 * read-only: writes are answered with exception 2, as a PLC without mapped outputs would.
 */
import type { Logger } from 'pino';
import { ServerTCP, type IServiceVector } from 'modbus-serial';
import { encodeValue } from '../../sources/modbus/codec.js';
import { demoModbusMap, type ModbusPoint } from '../modbus-map.js';
import { deviceTags } from '../plant.js';
import { PlantClock, type PlantStep } from './clock.js';
import type { RunningDevice } from './types.js';

/**
 * What the PLC says it is (Read Device Identification objects 0-5): a Modicon M340 CPU as Schneider
 * Electric's Modbus server answers, with a firmware older than the fix of ICSA-23-201-01 (SV3.51),
 * so the demo's inventory shows a real finding.
 */
export const MODBUS_IDENTITY: Readonly<Record<number, string>> = {
  0: 'Schneider Electric',
  1: 'BMXP342020',
  2: 'SV3.40',
  3: 'www.se.com',
  4: 'Modicon M340 CPU',
  5: 'BMX P34 2020',
};

const SIZE = 1024;
const ILLEGAL_ADDRESS = { modbusErrorCode: 2, msg: 'Illegal data address' };

export interface ModbusPlcOptions {
  port: number;
  seed: number;
  epochMs: number;
  logger: Logger;
}

type Vector = IServiceVector & { readDeviceIdentification?: (unitId: number) => Promise<Record<number, string>> };

/** The PLC's memory, written from the simulation every step. */
class Memory {
  readonly holding = new Uint16Array(SIZE);
  readonly input = new Uint16Array(SIZE);
  readonly coil = new Uint8Array(SIZE);

  store(p: ModbusPoint, value: number | boolean | string): void {
    if (p.area === 'coil') {
      this.coil[p.address] = value === true ? 1 : 0;
      return;
    }
    const encoded = encodeValue(p.dataType === 'uint16' ? Math.max(0, Math.min(65535, Math.round(Number(value)))) : value, { dataType: p.dataType, byteOrder: 'big', wordOrder: 'big' });
    if (encoded.ok) this[p.area].set(encoded.registers, p.address);
  }

  registers(area: 'holding' | 'input', addr: number, length: number): number[] {
    if (addr + length > SIZE) throw ILLEGAL_ADDRESS;
    return [...this[area].subarray(addr, addr + length)];
  }

  bit(addr: number): boolean {
    if (addr >= SIZE) throw ILLEGAL_ADDRESS;
    return this.coil[addr] === 1;
  }
}

function vector(memory: Memory): Vector {
  return {
    getMultipleHoldingRegisters: (addr: number, length: number) => memory.registers('holding', addr, length),
    getHoldingRegister: (addr: number) => memory.registers('holding', addr, 1)[0]!,
    getMultipleInputRegisters: (addr: number, length: number) => memory.registers('input', addr, length),
    getInputRegister: (addr: number) => memory.registers('input', addr, 1)[0]!,
    getCoil: (addr: number) => memory.bit(addr),
    // The running bits are outputs of the PLC program; the discrete inputs mirror them.
    getDiscreteInput: (addr: number) => memory.bit(addr),
    setRegister: () => {
      throw ILLEGAL_ADDRESS;
    },
    setCoil: () => {
      throw ILLEGAL_ADDRESS;
    },
    readDeviceIdentification: () => Promise.resolve({ ...MODBUS_IDENTITY }),
  };
}

function listen(memory: Memory, port: number): Promise<ServerTCP> {
  return new Promise((resolve, reject) => {
    const server = new ServerTCP(vector(memory), { host: '127.0.0.1', port, unitID: 255 });
    server.on('initialized', () => resolve(server));
    server.on('serverError', (e) => reject(e));
    // A client that drops its connection is the client's business, not the PLC's.
    server.on('socketError', () => undefined);
    server.on('error', () => undefined);
  });
}

/** Start the PLC; resolves once it listens on 127.0.0.1:port. */
export async function startModbusPlc(o: ModbusPlcOptions): Promise<RunningDevice> {
  const memory = new Memory();
  const map = demoModbusMap();
  const update = (step: PlantStep) => {
    for (const p of map) {
      const v = step.values.get(p.tagId);
      if (v) memory.store(p, v.value);
    }
  };
  const clock = new PlantClock(deviceTags('modbus'), { seed: o.seed, epochMs: o.epochMs, onStep: update });
  clock.start();
  let server: ServerTCP;
  try {
    server = await listen(memory, o.port);
  } catch (e) {
    clock.stop();
    throw e;
  }
  o.logger.info({ port: o.port, points: map.length }, `Modbus TCP PLC listening at 127.0.0.1:${o.port} (unit 1; labelers and palletizers of lines 1 and 2, ${map.length} points).`);
  return {
    endpoint: `modbus-tcp://127.0.0.1:${o.port}`,
    async stop() {
      clock.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
