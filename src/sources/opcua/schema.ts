/** TypeBox schemas of the OPC UA source's `config:` block and of its tags' own keys, and their checks. */
import { Type, type Static, type TSchema } from 'typebox';
import { fitsSchema, schemaErrors } from '../../config/schema-check.js';
import { TAG_COMMON_KEYS, type TagConfig } from '../../config/schema.js';

const Duration = Type.Union([Type.Integer({ minimum: 0 }), Type.String({ pattern: '^\\d+(\\.\\d+)?(ms|s|m|h)$' })], {
  description: 'Milliseconds, or a number with a unit (250ms, 1s, 5m).',
});

const SecurityModeSchema = Type.Union([Type.Literal('None'), Type.Literal('Sign'), Type.Literal('SignAndEncrypt')], {
  description: 'Default SignAndEncrypt. None only when written here: it sends data unencrypted and unauthenticated.',
});
const SecurityPolicySchema = Type.Union(
  [Type.Literal('None'), Type.Literal('Basic256Sha256'), Type.Literal('Aes128_Sha256_RsaOaep'), Type.Literal('Aes256_Sha256_RsaPss'), Type.Literal('Basic256'), Type.Literal('Basic128Rsa15')],
  { description: 'Default Basic256Sha256 (None with securityMode None).' },
);

const AuthSchema = Type.Union(
  [
    Type.Object({ type: Type.Literal('anonymous') }, { additionalProperties: false }),
    Type.Object(
      {
        type: Type.Literal('username'),
        username: Type.String({ minLength: 1 }),
        password: Type.String({ description: 'Use ${ENV_NAME} to keep it out of the file; never logged.' }),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        type: Type.Literal('certificate'),
        certificateFile: Type.String({ minLength: 1, description: 'The user certificate (PEM or DER).' }),
        privateKeyFile: Type.String({ minLength: 1, description: 'Its private key (PEM).' }),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'How the hub logs in: anonymous (default), a user name and password, or an X.509 user certificate.' },
);

export const OpcuaConfigSchema = Type.Object(
  {
    endpointUrl: Type.String({ pattern: '^opc\\.tcp://.+', description: 'The server, e.g. opc.tcp://10.0.0.5:4840.' }),
    securityMode: Type.Optional(SecurityModeSchema),
    securityPolicy: Type.Optional(SecurityPolicySchema),
    auth: Type.Optional(AuthSchema),
    pkiDir: Type.Optional(Type.String({ minLength: 1, description: 'Client PKI folder (own, trusted, rejected); default <data-dir>/pki/opcua.' })),
    timestamps: Type.Optional(Type.Union([Type.Literal('source'), Type.Literal('server')], { description: 'Which timestamp samples carry (default source).' })),
    publishingInterval: Type.Optional(Duration),
    samplingInterval: Type.Optional(Duration),
    queueSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    maxItemsPerSubscription: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    browsePageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'Most references one browse call returns (default 1000).' })),
    sessionTimeout: Type.Optional(Duration),
    requestTimeout: Type.Optional(Duration),
    keepAliveInterval: Type.Optional(Duration),
  },
  { additionalProperties: false, description: 'An OPC UA server, read through subscriptions.' },
);
export type OpcuaConfig = Static<typeof OpcuaConfigSchema>;
export type AuthConfig = Static<typeof AuthSchema>;
export type SecurityModeName = Static<typeof SecurityModeSchema>;
export type SecurityPolicyName = Static<typeof SecurityPolicySchema>;

export const OpcuaTagSchema = Type.Object(
  {
    nodeId: Type.String({ minLength: 1, description: 'The node to read, e.g. ns=2;s=Line1.Filler.Speed or ns=3;i=1042.' }),
    samplingInterval: Type.Optional(Duration),
    queueSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'Values the server queues between publishes.' })),
    serverDeadband: Type.Optional(
      Type.Object(
        {
          type: Type.Union([Type.Literal('absolute'), Type.Literal('percent')]),
          value: Type.Number({ minimum: 0, description: 'Absolute: in engineering units; percent: of the node\'s EURange (0-100).' }),
        },
        { additionalProperties: false, description: 'A DataChangeFilter the server applies before sending (the tag\'s `deadband` is the hub\'s own).' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type OpcuaTagKeys = Static<typeof OpcuaTagSchema>;
export type OpcuaTag = OpcuaTagKeys & { id: string };

const COMMON = new Set(TAG_COMMON_KEYS);

/** `a.b.c` from a JSON pointer `/a/b/c`, prefixed. */
function keyPath(prefix: string, pointer: string): string {
  const rest = pointer.split('/').filter((p) => p !== '').join('.');
  return rest === '' ? prefix : `${prefix}.${rest}`;
}

/** The first problem of `value` against `schema` as one phrase, or undefined when it conforms. */
export function schemaProblem(schema: TSchema, value: unknown, prefix: string): string | undefined {
  if (fitsSchema(schema, value)) return undefined;
  for (const e of schemaErrors(schema, value)) {
    if (e.keyword === 'boolean') continue;
    if (e.keyword === 'additionalProperties') {
      const names = (e.params as { additionalProperties?: string[] }).additionalProperties ?? [];
      return `${keyPath(prefix, e.instancePath)} has unknown key${names.length === 1 ? '' : 's'} ${names.map((n) => `"${n}"`).join(', ')}`;
    }
    return `${keyPath(prefix, e.instancePath)} ${e.message}`;
  }
  return `${prefix} is not valid`;
}

/** The source's tags with their OPC UA keys, or the problems found (each names the tag and key). */
export function readTags(tags: readonly TagConfig[]): { tags: OpcuaTag[]; problems: string[] } {
  const out: OpcuaTag[] = [];
  const problems: string[] = [];
  for (const tag of tags) {
    const own = Object.fromEntries(Object.entries(tag).filter(([k]) => !COMMON.has(k)));
    const problem = schemaProblem(OpcuaTagSchema, own, `tag ${tag.id}`);
    if (problem) problems.push(problem);
    else if (own.serverDeadband && (own as OpcuaTagKeys).serverDeadband!.type === 'percent' && (own as OpcuaTagKeys).serverDeadband!.value > 100) {
      problems.push(`tag ${tag.id}.serverDeadband.value is a percent and must be at most 100`);
    } else out.push({ ...(own as OpcuaTagKeys), id: tag.id });
  }
  return { tags: out, problems };
}

/** The security mode and policy a config asks for; None only when securityMode says None. */
export function securityOf(config: OpcuaConfig): { mode: SecurityModeName; policy: SecurityPolicyName } | { problem: string } {
  const mode: SecurityModeName = config.securityMode ?? 'SignAndEncrypt';
  if (mode === 'None') {
    if (config.securityPolicy !== undefined && config.securityPolicy !== 'None') {
      return { problem: `config.securityPolicy ${config.securityPolicy} needs securityMode Sign or SignAndEncrypt, not None` };
    }
    return { mode, policy: 'None' };
  }
  const policy: SecurityPolicyName = config.securityPolicy ?? 'Basic256Sha256';
  if (policy === 'None') return { problem: 'config.securityPolicy None is only allowed with securityMode: None (which sends data unencrypted)' };
  return { mode, policy };
}
