/** The request and response schemas of /api/v1/assets. */
import { Type } from 'typebox';
import { CRITICALITIES } from '../../inventory/assets/model.js';

const Text = (maxLength = 500, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });
const List = (description: string) => Type.Array(Type.String({ maxLength: 500 }), { maxItems: 100, description });

const OwnerSchema = Type.Object({ team: Type.Optional(Text(200)), person: Type.Optional(Text(200)) }, { additionalProperties: false });

const PostureSchema = Type.Object(
  {
    encrypted: Type.Optional(Type.Boolean({ description: 'The link to the device is encrypted.' })),
    link: Type.Optional(Type.String({ description: 'How the link is (or is not) secured.' })),
    securityPolicy: Type.Optional(Type.String({ description: 'OPC UA: mode/policy of the session, e.g. SignAndEncrypt/Basic256Sha256.' })),
    certificateExpiry: Type.Optional(Type.String({ description: "The device certificate's expiry, ISO 8601." })),
    anonymousLogin: Type.Optional(Type.Boolean({ description: 'The device accepts logins without credentials.' })),
  },
  { additionalProperties: false },
);

const CriticalitySchema = Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high'), Type.Literal('critical')], { description: `How much the plant depends on it: ${CRITICALITIES.join(', ')}.` });

export const AssetSchema = Type.Object({
  id: Type.String(), name: Type.String(), site: Type.String(),
  zone: Type.Optional(Type.String()), level: Type.Optional(Type.Integer({ description: 'Purdue level of the zone.' })),
  vendor: Type.Optional(Type.String()), product: Type.Optional(Type.String()), model: Type.Optional(Type.String()),
  version: Type.Optional(Type.String({ description: 'Firmware or software version.' })), serial: Type.Optional(Type.String()),
  cpe: Type.Optional(Type.String()), purl: Type.Optional(Type.String()),
  protocols: Type.Array(Type.String()), endpoints: Type.Array(Type.String()), namespace: Type.Array(Type.String({ description: 'Namespace subtrees its values feed.' })),
  owner: Type.Optional(OwnerSchema), criticality: Type.Optional(CriticalitySchema), description: Type.Optional(Type.String()),
  facts: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'What else the device said (OPC UA build number and product URI, Sparkplug OS…).' })),
  posture: PostureSchema,
  origin: Type.Object({
    kind: Type.Union([Type.Literal('discovered'), Type.Literal('manual'), Type.Literal('csv')]),
    connection: Type.Optional(Type.String({ description: 'The source it was discovered from.' })), device: Type.Optional(Type.String({ description: 'The device behind the connection (Sparkplug group/node).' })),
    file: Type.Optional(Type.String()),
  }),
  firstSeen: Type.Optional(Type.Number()), lastSeen: Type.Optional(Type.Number()),
  createdAt: Type.Number(), updatedAt: Type.Number(),
});

export const HistorySchema = Type.Object({
  seq: Type.Integer(), at: Type.Number(), time: Type.String(),
  event: Type.Union([Type.Literal('discovered'), Type.Literal('identity-changed'), Type.Literal('created'), Type.Literal('updated'), Type.Literal('imported'), Type.Literal('deleted')]),
  actor: Type.String(),
  changes: Type.Record(Type.String(), Type.Object({ from: Type.Optional(Type.Unknown()), to: Type.Optional(Type.Unknown()) })),
});

const inputProperties = {
  name: Type.Optional(Text(200)), site: Type.Optional(Text(200)), zone: Type.Optional(Text(64)),
  vendor: Type.Optional(Text(200)), product: Type.Optional(Text(200)), model: Type.Optional(Text(200)),
  version: Type.Optional(Text(200, 'Firmware or software version.')), serial: Type.Optional(Text(200)),
  cpe: Type.Optional(Text(500)), purl: Type.Optional(Text(500)),
  protocols: Type.Optional(List('modbus, opcua, profinet, http…')), endpoints: Type.Optional(List('Addresses it is reached at.')), namespace: Type.Optional(List('Namespace subtrees it feeds.')),
  owner: Type.Optional(OwnerSchema), criticality: Type.Optional(Type.Union([CriticalitySchema, Type.Literal('')])), description: Type.Optional(Text(1000)),
  posture: Type.Optional(Type.Object({
    encrypted: Type.Optional(Type.Boolean()), securityPolicy: Type.Optional(Text(200)), certificateExpiry: Type.Optional(Text(40)), anonymousLogin: Type.Optional(Type.Boolean()),
  }, { additionalProperties: false })),
};

export const CreateSchema = Type.Object({
  id: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.:~-]{0,127}$', description: 'Default: the hub gives one (asset-<hex>).' })),
  ...inputProperties,
}, { additionalProperties: false });

export const PatchSchema = Type.Object(inputProperties, { additionalProperties: false, description: 'The fields to change; an empty text clears a field.' });

export const ListQuery = Type.Object({
  site: Type.Optional(Type.String({ maxLength: 200 })),
  zone: Type.Optional(Type.String({ maxLength: 64 })),
  vendor: Type.Optional(Type.String({ maxLength: 200, description: 'Vendor as recorded, case-insensitive.' })),
  text: Type.Optional(Type.String({ maxLength: 200, description: 'Words anywhere in the record (name, vendor, product, version, serial, owner, endpoints…).' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});

export const ImportReportSchema = Type.Object({
  rows: Type.Integer(), created: Type.Array(Type.String()), updated: Type.Array(Type.String()),
  rejected: Type.Array(Type.Object({ line: Type.Integer(), id: Type.Optional(Type.String()), name: Type.Optional(Type.String()), problems: Type.Array(Type.String()) })),
});
