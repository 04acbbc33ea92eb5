/** Test support for the OPC UA integration tests: a source context that records, and certificate exchange. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import type { TagConfig } from '../../../config/schema.js';
import type { CausewayError } from '../../../core/errors.js';
import type { Sample } from '../../../core/sample.js';
import type { Source, SourceContext } from '../../types.js';
import { opcuaSource, type OpcuaConfig } from '../index.js';
import { OWN_CERTIFICATE, openPki } from '../connection.js';
import { certificateInfo } from '../pki.js';

export interface Recorder {
  ctx: SourceContext;
  logs: Array<{ level: number; msg: string; [k: string]: unknown }>;
  errors: CausewayError[];
  batches: Sample[][];
  /** Every sample so far, in order. */
  samples(): Sample[];
  /** The latest sample of a tag. */
  last(tagId: string): Sample | undefined;
}

/** A logger that keeps its lines in memory. */
export function memoryLogger(into: Recorder['logs']): Logger {
  return pino({ level: 'debug' }, { write: (line: string) => void into.push(JSON.parse(line) as Recorder['logs'][number]) });
}

/** A source context for `tags` that records logs, reported errors and batches. */
export function recorder(id: string, tags: TagConfig[], dataDir: string): Recorder {
  const logs: Recorder['logs'] = [];
  const errors: CausewayError[] = [];
  const batches: Sample[][] = [];
  const ctx: SourceContext = {
    id,
    zone: 'cell',
    logger: memoryLogger(logs),
    tags,
    dataDir,
    commandsAllowed: true,
    now: () => Date.now(),
    reportError: (e) => void errors.push(e),
  };
  const samples = () => batches.flat();
  return { ctx, logs, errors, batches, samples, last: (tagId) => samples().filter((s) => s.path === `${id}/${tagId}`).at(-1) };
}

/** Create a source and, once connected, collect its batches into the recorder. */
export async function connected(config: OpcuaConfig, rec: Recorder): Promise<Source> {
  const source = opcuaSource.create(config, rec.ctx);
  await source.connect(new AbortController().signal);
  source.subscribe!((batch) => void rec.batches.push(batch));
  return source;
}

/** Wait until `check` holds, polling; the test's own timeout bounds it. */
export async function until(check: () => boolean | Promise<boolean>, intervalMs = 20): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, intervalMs));
}

/** The hub's own certificate in `pkiDir` (created when missing), as DER. */
export async function hubCertificate(pkiDir: string): Promise<Buffer> {
  const { cm } = await openPki(pkiDir);
  await cm.dispose();
  return certificateInfo(await readFile(join(pkiDir, OWN_CERTIFICATE))).der;
}

/** Put a server certificate into the hub's trusted folder, as `causeway pki trust` would leave it. */
export async function trustServer(pkiDir: string, der: Buffer): Promise<void> {
  await mkdir(join(pkiDir, 'trusted/certs'), { recursive: true });
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
  await writeFile(join(pkiDir, 'trusted/certs', `server-${certificateInfo(der).thumbprint}.pem`), pem);
}
