/**
 * Alarm e-mail: the text people read (subject and body), and the SMTP transport (nodemailer) that
 * sends it. TLS is required by default (STARTTLS, or implicit TLS on 465); `tls: none` is an
 * explicit opt-out that `causeway check` warns about. The password is never logged: errors name
 * the server, not the credentials.
 */
import { readFileSync } from 'node:fs';
import { createTransport, type Transporter } from 'nodemailer';
import type { SmtpConfig } from '../../config/schema-alarm-notify.js';
import { CausewayError } from '../../core/errors.js';
import { durationMs } from '../../core/time.js';
import type { AlarmEvent } from './event.js';

export interface EmailText {
  subject: string;
  text: string;
}

const PRIORITY_LABEL: Record<string, string> = { urgent: 'URGENT', high: 'HIGH', medium: 'MEDIUM', low: 'LOW' };

function minutes(ms: number): string {
  return ms >= 3_600_000 && ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${Math.round(ms / 60_000)} min`;
}

/** Subject and body of a notification (`raised`) or an escalation (`overdueMs` past its time to respond). */
export function emailText(e: AlarmEvent, o: { escalation?: { afterMs: number }; consoleUrl?: string; site?: string }): EmailText {
  const label = PRIORITY_LABEL[e.priority] ?? e.priority.toUpperCase();
  const lead = o.escalation ? `ESCALATION ${label}` : label;
  const subject = `[${lead}] ${e.message}`.replace(/[\r\n]+/g, ' ').slice(0, 200);
  const r = e.rationalization ?? {};
  const lines = [
    o.escalation
      ? `This ${e.priority} alarm has been active and unacknowledged for ${minutes(o.escalation.afterMs)}, past its time to respond.`
      : `A ${e.priority} alarm was raised${o.site ? ` at ${o.site}` : ''}.`,
    '',
    e.message,
    '',
    `Alarm:      ${e.id}`,
    `Priority:   ${e.priority}`,
    ...(e.area ? [`Area:       ${e.area}`] : []),
    `State:      ${e.state}`,
    ...(e.value !== undefined ? [`Value:      ${String(e.value)}${e.unit ? ` ${e.unit}` : ''}`] : []),
    ...(e.setpoint !== undefined ? [`Setpoint:   ${e.setpoint}${e.unit ? ` ${e.unit}` : ''}`] : []),
    `Since:      ${e.activeAt ?? e.at}`,
    ...(r.owner ? [`Owner:      ${r.owner}`] : []),
    ...(r.timeToRespondMs !== undefined ? [`Respond within: ${minutes(r.timeToRespondMs)}`] : []),
    ...(r.correctiveAction ? ['', `Corrective action: ${r.correctiveAction}`] : []),
    ...(r.cause ? [`Cause: ${r.cause}`] : []),
    ...(r.consequence ? [`Consequence: ${r.consequence}`] : []),
    ...(o.consoleUrl ? ['', `Acknowledge in the console: ${o.consoleUrl.replace(/\/+$/, '')}/alarms`] : []),
    '',
    '-- Causeway',
  ];
  return { subject, text: `${lines.join('\n')}\n` };
}

export interface MailSender {
  send(to: readonly string[], mail: EmailText): Promise<void>;
  close(): void;
}

/** nodemailer's error codes that say the server refused for good. */
const REFUSED = new Set(['EAUTH', 'EENVELOPE', 'EMESSAGE']);

function reasonOf(e: unknown): string {
  const err = e as { code?: string; responseCode?: number; response?: string; message?: string };
  if (err.code === 'EAUTH') return 'the server refused the user name or password';
  if (err.code === 'ETLS') return `TLS could not be established (${err.message ?? 'handshake failed'})`;
  if (err.responseCode) return `the server answered ${err.response?.slice(0, 200) ?? err.responseCode}`;
  return (err.message ?? String(e)).replace(/[.\s]+$/, '');
}

/** The SMTP sender of a `notifications.smtp` block; throws CW_NOTIFY_CA_UNREADABLE. */
export function smtpSender(c: SmtpConfig): MailSender {
  const tls = c.tls ?? 'starttls';
  const timeout = durationMs(c.timeout, 30_000);
  let ca: string | undefined;
  try {
    ca = c.ca ? readFileSync(c.ca, 'utf8') : undefined;
  } catch (e) {
    throw new CausewayError('CW_NOTIFY_CA_UNREADABLE', { file: c.ca ?? '', reason: (e as Error).message }, { cause: e });
  }
  const transport: Transporter = createTransport({
    host: c.host,
    port: c.port ?? (tls === 'implicit' ? 465 : tls === 'none' ? 25 : 587),
    secure: tls === 'implicit',
    requireTLS: tls === 'starttls',
    ignoreTLS: tls === 'none',
    ...(c.user !== undefined && c.password !== undefined ? { auth: { user: c.user, pass: c.password } } : {}),
    tls: { minVersion: 'TLSv1.2', ...(ca ? { ca } : {}), ...(c.servername ? { servername: c.servername } : {}) },
    connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout,
    logger: false, debug: false,
  });
  const target = `${c.host}:${c.port ?? ''}`.replace(/:$/, '');
  return {
    async send(to, mail) {
      try {
        await transport.sendMail({ from: c.from, to: [...to], subject: mail.subject, text: mail.text });
      } catch (e) {
        const err = e as { code?: string; responseCode?: number };
        const refused = REFUSED.has(err.code ?? '') || (err.responseCode !== undefined && err.responseCode >= 500);
        throw new CausewayError(refused ? 'CW_NOTIFY_REJECTED' : 'CW_NOTIFY_SEND_FAILED', { channel: 'e-mail', target: `${to.join(', ')} via ${target}`, reason: reasonOf(e) }, { cause: e });
      }
    },
    close: () => transport.close(),
  };
}
