/**
 * What the schema cannot see in the delivery of alarms: a rule that notifies nobody, e-mail without
 * a mail server, SMTP credentials without TLS or half given, a TLS mode that does not fit the port,
 * duplicate rule names, malformed path prefixes, and `alarms:` on a sink kind that cannot carry
 * them or with a prefix the sink would not deliver. Warnings (plain-text SMTP, plain-HTTP webhooks)
 * do not fail the check; `causeway check` prints them after "no problems".
 */
import { pathProblem } from '../core/path.js';
import { entries, isEnabled, isObj, str, type Obj } from './data.js';
import { ALARM_SINK_KINDS } from './schema-alarm-notify.js';
import type { ProblemContext } from './collector.js';
import type { HubConfig } from './schema.js';
import { listNames, withSuggestion } from './suggest.js';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const hasChannel = (o: unknown): boolean => isObj(o) && (list(o.email).length > 0 || list(o.webhooks).length > 0);
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function checkSmtp(smtp: Obj, ctx: ProblemContext): void {
  const at = ['notifications', 'smtp'];
  const tls = str(smtp.tls) ?? 'starttls';
  if ((smtp.user === undefined) !== (smtp.password === undefined)) {
    const missing = smtp.user === undefined ? 'user' : 'password';
    ctx.report([...at, smtp.user === undefined ? 'password' : 'user'], 'CW_CONFIG_CONFLICT', `notifications.smtp has a ${missing === 'user' ? 'password' : 'user'} but no ${missing}.`, 'Give both user and password (the password from ${SMTP_PASSWORD} or encrypted with causeway secret encrypt), or neither for a relay that needs no login.', 'key');
  }
  if (tls === 'none' && smtp.password !== undefined) {
    ctx.report([...at, 'tls'], 'CW_CONFIG_CONFLICT', 'notifications.smtp sends a password with tls: none: it would cross the network in plain text.', 'Use tls: starttls (port 587) or tls: implicit (port 465); a relay without TLS must not need a login.');
  }
  if (typeof smtp.port === 'number') {
    if (tls === 'implicit' && (smtp.port === 587 || smtp.port === 25)) {
      ctx.report([...at, 'port'], 'CW_CONFIG_CONFLICT', `notifications.smtp uses tls: implicit on port ${smtp.port}, where mail servers expect STARTTLS.`, 'Use port 465 with tls: implicit, or tls: starttls on port 587.');
    }
    if (tls === 'starttls' && smtp.port === 465) {
      ctx.report([...at, 'port'], 'CW_CONFIG_CONFLICT', 'notifications.smtp uses STARTTLS on port 465, where mail servers expect TLS from the first byte.', 'Use tls: implicit on port 465, or port 587 with STARTTLS.');
    }
  }
}

/** Every `area:` written in the templates' alarm blocks (on attributes, limits, rules and template blocks). */
function alarmAreas(data: Obj): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isObj(v)) return;
    if (typeof v.area === 'string') out.add(v.area);
    for (const child of Object.values(v)) if (isObj(child) || Array.isArray(child)) walk(child);
  };
  for (const [t] of entries(data, 'templates')) {
    walk(t.alarms);
    for (const [a] of entries(t, 'attributes')) walk(a.alarms);
  }
  return out;
}

function checkRules(n: Obj, ctx: ProblemContext, areas: ReadonlySet<string>): void {
  const seen = new Map<string, number>();
  const smtp = isObj(n.smtp);
  for (const [rule, i] of entries(n, 'rules')) {
    const at = ['notifications', 'rules', i];
    const name = str(rule.name);
    if (name !== undefined) {
      if (seen.has(name)) ctx.report([...at, 'name'], 'CW_CONFIG_DUPLICATE_ID', `Notification rule "${name}" is defined twice (also rules[${seen.get(name)}]).`, 'Give every rule its own name: it appears in the log and the metrics.');
      else seen.set(name, i);
    }
    if (!hasChannel(rule) && !hasChannel(rule.escalation)) {
      ctx.report(at, 'CW_CONFIG_CONFLICT', `Notification rule ${ctx.show([...at, 'name'], rule.name)} notifies nobody: it has no email or webhooks, nor an escalation with any.`, 'Add email: [recipients] or webhooks: [urls] to the rule or to its escalation.', 'key');
    }
    if (isObj(rule.escalation) && !hasChannel(rule.escalation)) {
      ctx.report([...at, 'escalation'], 'CW_CONFIG_CONFLICT', `The escalation of notification rule ${ctx.show([...at, 'name'], rule.name)} names nobody to escalate to.`, 'Add email: [recipients] or webhooks: [urls] under escalation:.', 'key');
    }
    if (!smtp) {
      for (const where of [[], ['escalation']] as const) {
        const o = where.length === 0 ? rule : rule.escalation;
        if (isObj(o) && list(o.email).length > 0) {
          ctx.report([...at, ...where, 'email'], 'CW_CONFIG_UNKNOWN_REF', `Notification rule ${ctx.show([...at, 'name'], rule.name)} sends e-mail, but notifications has no smtp: block.`, 'Add notifications.smtp with host, port, tls and from (user and password from the environment).', 'key');
        }
      }
    }
    list(rule.areas).forEach((a, j) => {
      if (typeof a !== 'string' || areas.has(a)) return;
      const known = areas.size > 0 ? ` (the alarms have ${listNames([...areas].sort())})` : ' (no alarm has an area)';
      ctx.report([...at, 'areas', j], 'CW_CONFIG_UNKNOWN_REF', withSuggestion(`Notification rule ${ctx.show([...at, 'name'], rule.name)} matches area ${ctx.show([...at, 'areas', j], a)}, which no alarm has${known}`, a, areas), "Use an area an alarm's area: names, or give the alarms that area.");
    });
    list(rule.paths).forEach((p, j) => {
      const problem = typeof p === 'string' ? pathProblem(p) : undefined;
      if (problem) ctx.report([...at, 'paths', j], 'CW_CONFIG_INVALID_PATH', `Notification rule path ${ctx.show([...at, 'paths', j], p)} is not a namespace path: ${problem}.`, 'Write an asset or attribute path prefix, e.g. acme/springfield/utilities.');
    });
  }
}

/** The alarm prefix of a sink problem, or undefined when it is fine. */
function sinkPrefixProblem(kind: string, prefix: string, config: Obj): string | undefined {
  if (kind === 'mqtt') return /[+#]|^\$|\/\/|^\/|\/$/.test(prefix) || prefix.includes('\0') ? 'is not a topic prefix (no "+", "#", leading "$" or empty level)' : undefined;
  if (kind === 'nats') {
    const subjectPrefix = str(config.subjectPrefix) ?? 'causeway';
    if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(prefix)) return 'is not a NATS subject (tokens of letters, digits, "_" and "-" separated by ".")';
    return prefix.startsWith(`${subjectPrefix}.`) ? undefined : `is not under the sink's subjectPrefix "${subjectPrefix}." that its stream captures`;
  }
  return 'is not used by a webhook sink (alarm events go to its url)';
}

function checkSinks(data: Obj, ctx: ProblemContext): void {
  for (const [sink, i] of entries(data, 'sinks')) {
    if (sink.alarms === undefined || sink.alarms === false || !isEnabled(sink)) continue;
    const kind = str(sink.kind) ?? '';
    if (!(ALARM_SINK_KINDS as readonly string[]).includes(kind)) {
      ctx.report(['sinks', i, 'alarms'], 'CW_CONFIG_CONFLICT', `Sink ${ctx.show(['sinks', i, 'id'], sink.id)} of kind ${kind} cannot carry alarm events.`, `Alarm events go through sinks of kind ${ALARM_SINK_KINDS.join(', ')}; remove alarms: here.`, 'key');
      continue;
    }
    const prefix = isObj(sink.alarms) ? str(sink.alarms.prefix) : undefined;
    const problem = prefix === undefined ? undefined : sinkPrefixProblem(kind, prefix, isObj(sink.config) ? sink.config : {});
    if (problem) ctx.report(['sinks', i, 'alarms', 'prefix'], 'CW_CONFIG_CONFLICT', `The alarm prefix ${ctx.show(['sinks', i, 'alarms', 'prefix'], prefix)} of sink ${ctx.show(['sinks', i, 'id'], sink.id)} ${problem}.`, 'Leave prefix out for the default, or see docs/alarms.md, "Publication".');
  }
}

/** Report the problems of `notifications:` and of the sinks' `alarms:`. */
export function checkAlarmNotify(data: Obj, ctx: ProblemContext): void {
  checkSinks(data, ctx);
  const n = data.notifications;
  if (!isObj(n)) return;
  if (isObj(n.smtp)) checkSmtp(n.smtp, ctx);
  checkRules(n, ctx, alarmAreas(data));
}

/** What a valid config does that a reader should know: plain-text SMTP, plain-HTTP webhooks. */
export function notificationWarnings(config: HubConfig): string[] {
  const n = config.notifications;
  if (!n) return [];
  const out: string[] = [];
  if (n.smtp?.tls === 'none') out.push(`notifications.smtp.tls is none: alarm e-mails to ${n.smtp.host} cross the network in plain text, readable and changeable on the way. Use starttls or implicit unless the relay is on this host or a trusted segment.`);
  const urls = new Set(n.rules.flatMap((r) => [...(r.webhooks ?? []), ...(r.escalation?.webhooks ?? [])]));
  for (const url of urls) {
    const u = new URL(url);
    if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname)) out.push(`notifications: webhook ${u.protocol}//${u.host}${u.pathname} is plain HTTP: alarm events can be read on the way. Use https.`);
  }
  return out;
}
