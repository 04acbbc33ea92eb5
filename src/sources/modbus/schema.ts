/** TypeBox schemas of the Modbus source's `config:` block and of the Modbus keys of its tags. */
import { Type, type Static } from 'typebox';
import { AREAS } from './batching.js';
import { DATA_TYPES, ORDERS } from './codec.js';

const ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
const Id = (description: string) => Type.String({ pattern: ID_PATTERN, description });
const Duration = (options: { description: string; default?: number }) =>
  Type.Union([Type.Integer({ minimum: 1 }), Type.String({ pattern: '^\\d+(\\.\\d+)?(ms|s|m|h)$' })], options);
const UnitId = (options: { description: string; default?: number }) => Type.Integer({ minimum: 0, maximum: 255, ...options });
const Endian = (description: string) => Type.Union([Type.Literal('big'), Type.Literal('little')], { description });

export const PollGroupSchema = Type.Object(
  {
    id: Id('The group id; tags name it in their `group` key.'),
    interval: Duration({ description: 'How often the group is read: milliseconds, or 250ms, 1s, 5m.' }),
  },
  { additionalProperties: false, description: 'A poll group: its tags are read together, on their own grid.' },
);

export const ModbusConfigSchema = Type.Object(
  {
    host: Type.String({ minLength: 1, description: 'Host name or IP address of the device or gateway.' }),
    port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535, default: 502, description: 'TCP port; default 502.' })),
    unitId: Type.Optional(UnitId({ default: 1, description: 'Modbus unit id (slave id) of the device; default 1. Many TCP-only devices answer on any, some want 255 or 0.' })),
    timeout: Type.Optional(Duration({ default: 1000, description: 'How long to wait for the connection and for each answer; default 1s.' })),
    groups: Type.Optional(
      Type.Array(PollGroupSchema, { minItems: 1, description: "Poll groups with their own rates; without it, every tag is read at the source's pollInterval." }),
    ),
    maxGap: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1999, default: 10, description: 'Most unused registers (or bits) one request reads to join neighbouring tags; 0 joins only adjacent tags.' }),
    ),
    maxRegistersPerRead: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 125, default: 125, description: 'Most registers per read request, for devices that accept fewer than 125.' }),
    ),
    maxBitsPerRead: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 2000, default: 2000, description: 'Most coils or discrete inputs per read request.' }),
    ),
  },
  { additionalProperties: false, description: 'A Modbus TCP device or gateway.' },
);
export type ModbusConfig = Static<typeof ModbusConfigSchema>;

export const ModbusTagSchema = Type.Object(
  {
    area: Type.Union(AREAS.map((a) => Type.Literal(a)), { description: 'coil (0x), discrete (1x), input (3x) or holding (4x).' }),
    address: Type.Integer({ minimum: 0, maximum: 65535, description: 'Zero-based address on the wire: holding register 40001 is address 0.' }),
    dataType: Type.Optional(
      Type.Union(DATA_TYPES.map((t) => Type.Literal(t)), { description: 'Default: bool for coils and discrete inputs, uint16 for registers.' }),
    ),
    order: Type.Optional(
      Type.Union(Object.keys(ORDERS).map((o) => Type.Literal(o)), { description: 'Byte and word order in one name: ABCD (default), CDAB, BADC, DCBA.' }),
    ),
    byteOrder: Type.Optional(Endian('Bytes inside each register: big (default) or little (swapped).')),
    wordOrder: Type.Optional(Endian('Registers of 32/64-bit values: big (most significant first, default) or little.')),
    bit: Type.Optional(Type.Integer({ minimum: 0, maximum: 15, description: 'For dataType bool on a register: the bit, 0 = least significant.' })),
    length: Type.Optional(Type.Integer({ minimum: 1, maximum: 125, description: 'For dataType string: its length in registers (two characters each).' })),
    unitId: Type.Optional(UnitId({ description: "This tag's unit id, when it differs from the source's (devices behind a gateway)." })),
    group: Type.Optional(Id('The poll group that reads this tag; default "default".')),
    writable: Type.Optional(Type.Boolean({ description: 'Allow writes to this coil or holding register (default false).' })),
  },
  { additionalProperties: false, description: 'Where a tag lives on the device and how its registers decode.' },
);
export type ModbusTagConfig = Static<typeof ModbusTagSchema>;
