#!/usr/bin/env node
/**
 * Generate web/src/api/types.ts from the hub's OpenAPI document. The document comes from a hub
 * started here for the purpose (compiled hub in dist/, a one-tag simulator, a scratch data folder,
 * signed in as the admin it makes), or from a running hub when CAUSEWAY_URL is set (with an API
 * token in CAUSEWAY_TOKEN). Run with `npm run api:types`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'web/src/api/types.ts');

const CONFIG = `
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones: [{ id: site-ops, level: 3 }]
sources:
  - { id: sim, kind: simulator, zone: site-ops, config: { seed: 1 }, tags: [{ id: x, signal: { kind: constant, value: 1 } }] }
api: { port: 0 }
`;

/** The OpenAPI document of a hub started for the purpose. */
async function fromScratchHub() {
  const { loadCheckedText } = await import(join(ROOT, 'dist/cli/config-io.js'));
  const { Hub } = await import(join(ROOT, 'dist/runtime/hub.js'));
  const { default: pino } = await import('pino');
  const { config, problems } = await loadCheckedText(CONFIG, 'api-types.yaml');
  if (!config) throw new Error(`the scratch config is invalid: ${JSON.stringify(problems)}`);
  const dir = mkdtempSync(join(tmpdir(), 'causeway-api-types-'));
  const password = randomBytes(18).toString('base64url');
  const hub = await Hub.create({ config, dataDir: dir, logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: password }, announce: () => {} });
  try {
    const url = await hub.start();
    const login = await fetch(new URL('/api/v1/login', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    if (!login.ok) throw new Error(`signing in to the scratch hub answered ${login.status}`);
    return await fetchDoc(url, { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] });
  } finally {
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function fetchDoc(base, headers = {}) {
  const res = await fetch(new URL('/api/v1/openapi.json', base), { headers });
  if (!res.ok) throw new Error(`GET /api/v1/openapi.json answered ${res.status}`);
  return res.json();
}

const token = process.env.CAUSEWAY_TOKEN;
const doc = process.env.CAUSEWAY_URL ? await fetchDoc(process.env.CAUSEWAY_URL, token ? { authorization: `Bearer ${token}` } : {}) : await fromScratchHub();
const ast = await openapiTS(doc, { alphabetize: true });
const header = '/**\n * The hub API, generated from /api/v1/openapi.json by `npm run api:types`. Do not edit.\n */\n/* eslint-disable */\n';
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, header + astToString(ast));
console.log(`wrote ${OUT} (${Object.keys(doc.paths ?? {}).length} paths)`);
