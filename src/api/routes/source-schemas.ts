/** What the sources API shows of a source besides its connection: capabilities, arrival rates, problems, browsed nodes. */
import { Type } from 'typebox';
import { ValueSchema } from '../schemas.js';
import { ConnectionSchema } from './connection-access.js';

export const CapabilitiesSchema = Type.Object({
  identify: Type.Boolean({ description: 'The device can say who it is (GET /sources/:id/device): vendor, product, firmware.' }),
  browse: Type.Boolean({ description: "The device's address space can be browsed (GET /sources/:id/browse)." }),
  write: Type.Boolean({ description: 'The connector can write to the device (the write gate decides whether anyone may).' }),
}, { description: 'What can be asked of the device besides its data.' });

export const ArrivalsSchema = Type.Object({
  valuesPerSecond: Type.Number(),
  valuesPerMinute: Type.Number(),
  valuesInWindow: Type.Integer({ description: 'Values that arrived within the window.' }),
  windowSeconds: Type.Integer({ description: 'The span the rates cover: a sliding minute, shorter right after start.' }),
  lastAt: Type.Optional(Type.Number({ description: 'When the latest batch arrived, epoch ms.' })),
  typicalIntervalMs: Type.Optional(Type.Number({ description: 'The median gap between the latest batches, ms ("every ~5 s").' })),
}, { description: 'How fast values arrive, measured from the batches the source delivered.' });

export const SourceProblemSchema = Type.Object({
  code: Type.String({ description: 'Catalogue code, CW_...' }),
  summary: Type.String({ description: 'A short phrase for the state badge: "636 messages quarantined".' }),
  message: Type.String(),
  hint: Type.String({ description: 'What to do next.' }),
  count: Type.Integer({ description: 'Messages or values it concerns so far.' }),
  subjects: Type.Array(Type.String(), { description: 'What it concerns: topics, edge nodes (the first few).' }),
  since: Type.Number({ description: 'First occurrence, epoch ms.' }),
  lastAt: Type.Number({ description: 'Latest occurrence, epoch ms.' }),
});

export const SourceSchema = Type.Object({
  ...ConnectionSchema.properties,
  capabilities: CapabilitiesSchema,
  arrivals: ArrivalsSchema,
  problems: Type.Array(SourceProblemSchema, { description: 'What is wrong with what arrives while the link is up: quarantined messages, dropped values. Empty when nothing is.' }),
});

export const BrowseNodeSchema = Type.Object({
  address: Type.String(),
  name: Type.String(),
  hasChildren: Type.Boolean(),
  type: Type.Optional(Type.String({ description: 'The node class: Object, Variable, View.' })),
  dataType: Type.Optional(Type.String({ description: "Variables: the data type's name." })),
  value: Type.Optional(ValueSchema),
  valueStatus: Type.Optional(Type.String({ description: 'Variables: the status of the read when it is not good.' })),
  access: Type.Optional(Type.Union([Type.Literal('read'), Type.Literal('write'), Type.Literal('read/write'), Type.Literal('none')], { description: 'Variables: what this session may do with the value.' })),
});
