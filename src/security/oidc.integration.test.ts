/**
 * OpenID Connect sign-in against a real provider (oidc-provider on loopback) through a running hub:
 * the browser's redirects are followed by hand with a cookie jar, the provider's development login
 * and consent pages are filled in, and the hub ends up with a session whose roles come from groups.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../cli/config-io.js';
import { Hub } from '../runtime/hub.js';
import { freePort } from '../test-support/services.js';

const GROUPS: Record<string, string[]> = { olga: ['plant-operators'], ed: ['line1-engineers', 'canteen'], mallory: ['canteen'] };

/** A browser, as far as redirects and cookies go. */
class Browser {
  readonly #jar = new Map<string, Map<string, string>>();

  constructor(readonly hub: string) {}

  async go(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ url: string; status: number; body: string; location?: string }> {
    let target = new URL(url);
    let method = init.method ?? 'GET';
    let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
    for (let hop = 0; hop < 20; hop++) {
      const jar = this.#jar.get(target.host) ?? new Map<string, string>();
      const res = await fetch(target, { method, redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) }, ...(body ? { body } : {}) });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [k, v] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(c)) jar.delete(k); else jar.set(k, v);
      }
      this.#jar.set(target.host, jar);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { url: target.href, status: res.status, body: await res.text() };
      const next = new URL(location, target);
      // Stop where the hub sends the browser back to its console: the test checks where it lands.
      if (next.host === this.hub && !next.pathname.startsWith('/api/')) return { url: target.href, status: res.status, body: '', location };
      target = next;
      method = 'GET';
      body = undefined;
    }
    throw new Error('too many redirects');
  }

  cookie(host: string, name: string): string | undefined {
    return this.#jar.get(host)?.get(name);
  }
}

/** Sign in at the provider's development pages as `user`, consenting, and land back at the hub. */
async function signInThroughProvider(b: Browser, hubUrl: string, user: string, returnTo = '/trends') {
  let page = await b.go(`${hubUrl}/api/v1/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
  for (let step = 0; step < 4 && page.status === 200 && page.url.includes('/interaction/'); step++) {
    const action = new URL(/action="([^"]+)"/.exec(page.body)![1]!, page.url).href;
    const prompt = /name="prompt" value="(\w+)"/.exec(page.body)![1]!;
    page = await b.go(action, { method: 'POST', form: prompt === 'login' ? { prompt, login: user, password: 'anything' } : { prompt } });
  }
  return page;
}

let provider: Server;
let issuer: string;
let hub: Hub;
let url: string;
const dir = mkdtempSync(join(tmpdir(), 'causeway-oidc-'));

beforeAll(async () => {
  const [idpPort, hubPort] = [await freePort(), await freePort()];
  issuer = `http://127.0.0.1:${idpPort}`;
  const oidc = new Provider(issuer, {
    clients: [{ client_id: 'causeway', client_secret: 'causeway-secret', redirect_uris: [`http://127.0.0.1:${hubPort}/api/v1/oidc/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], profile: ['preferred_username', 'groups'] },
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: `sub-${id}`, preferred_username: id, groups: GROUPS[id] ?? [] }) }),
    pkce: { required: () => true },
  });
  provider = oidc.listen(idpPort);
  const { config, problems } = loadCheckedText(`
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones: [{ id: line1-ot, level: 1 }, { id: site-ops, level: 3 }]
security:
  oidc:
    issuer: ${issuer}
    clientId: causeway
    clientSecret: causeway-secret
    redirectUri: http://127.0.0.1:${hubPort}/api/v1/oidc/callback
    roles: { plant-operators: operator, line1-engineers: { role: ot-engineer, zones: [line1-ot] } }
`, 'oidc.yaml');
  expect(problems).toEqual([]);
  hub = await Hub.create({ config: config!, dataDir: dir, logger: pino({ level: 'silent' }), port: hubPort, env: { CAUSEWAY_ADMIN_PASSWORD: 'local-boss-pass-1' }, announce: () => undefined });
  url = await hub.start();
});
afterAll(async () => {
  await hub?.stop();
  provider?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('OpenID Connect sign-in', () => {
  it('signs a provider user in with the roles its groups map to, and returns to the console', async () => {
    const b = new Browser(new URL(url).host);
    const landed = await signInThroughProvider(b, url, 'olga');
    expect(landed.location).toBe('/trends');
    const session = b.cookie(new URL(url).host, 'cw_session');
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me: unknown = await (await fetch(`${url}/api/v1/me`, { headers: { cookie: `cw_session=${session}` } })).json();
    expect(me).toMatchObject({ via: 'session', user: { username: 'olga', grants: [{ role: 'operator' }] }, permissions: ['read', 'write'] });
    const login = hub.security.audit.query({ action: 'login', actor: 'olga', limit: 1 })[0];
    expect(login).toMatchObject({ outcome: 'success', detail: { via: 'oidc', issuer } });
  });

  it('maps a group to a zone-limited grant and refreshes grants at each sign-in', async () => {
    await signInThroughProvider(new Browser(new URL(url).host), url, 'ed');
    expect(hub.security.users.byName('ed')?.grants).toEqual([{ role: 'ot-engineer', zones: ['line1-ot'] }]);
    GROUPS.ed = ['plant-operators'];
    await signInThroughProvider(new Browser(new URL(url).host), url, 'ed');
    expect(hub.security.users.byName('ed')?.grants).toEqual([{ role: 'operator' }]);
  });

  it('refuses a provider user none of whose groups maps to a role', async () => {
    const page = await signInThroughProvider(new Browser(new URL(url).host), url, 'mallory');
    expect(page.status).toBe(403);
    expect(JSON.parse(page.body)).toMatchObject({ code: 'CW_AUTH_OIDC_NO_ROLE' });
    expect(hub.security.users.byName('mallory')).toBeUndefined();
  });

  it('refuses a callback that was not started here, and never takes over a local account', async () => {
    const forged = await fetch(`${url}/api/v1/oidc/callback?code=stolen&state=x`, { redirect: 'manual' });
    expect(await forged.json()).toMatchObject({ code: 'CW_AUTH_OIDC_FAILED' });
    const page = await signInThroughProvider(new Browser(new URL(url).host), url, 'admin');
    expect(JSON.parse(page.body)).toMatchObject({ code: 'CW_AUTH_OIDC_NO_ROLE' });
    GROUPS.admin = ['plant-operators'];
    const again = await signInThroughProvider(new Browser(new URL(url).host), url, 'admin');
    expect(JSON.parse(again.body)).toMatchObject({ code: 'CW_AUTH_USER_EXISTS' });
    expect(hub.security.users.byName('admin')?.grants).toEqual([{ role: 'admin' }]);
  });

  it('only returns to a path on this hub', async () => {
    const landed = await signInThroughProvider(new Browser(new URL(url).host), url, 'olga', 'https://evil.example/');
    expect(landed.location).toBe('/');
  });
});
