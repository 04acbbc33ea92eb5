/**
 * Delivery of alarms to IT and people: a sink's `alarms:` opt-in (alarm events through the sink,
 * with its store-and-forward buffer) and the top-level `notifications:` block (e-mail over SMTP and
 * webhooks by priority, area and path; escalation past the time to respond; quiet periods).
 * docs/alarms.md explains each key.
 */
import { Type, type Static } from 'typebox';
import { DurationOf, Id } from './schema-common.js';

/** The sink kinds that can carry alarm events. */
export const ALARM_SINK_KINDS = ['mqtt', 'nats', 'webhook'] as const;

export const SinkAlarmsSchema = Type.Union([
  Type.Boolean(),
  Type.Object({
    prefix: Type.Optional(Type.String({
      minLength: 1, maxLength: 256,
      description: 'MQTT: the topic levels before active/<alarm id> and events (default <sink prefix>/_alarms). NATS: the subject before .events (default <subjectPrefix>._alarms; it must stay under <subjectPrefix>. so the stream keeps it).',
    })),
  }, { additionalProperties: false }),
], { description: 'Publish alarm events through this sink too (mqtt, nats, webhook): true, or { prefix } to choose where.' });

const PriorityName = Type.Union([Type.Literal('urgent'), Type.Literal('high'), Type.Literal('medium'), Type.Literal('low'), Type.Integer({ minimum: 1, maximum: 4 })], {
  description: 'urgent, high, medium or low; or 1 (urgent) to 4 (low).',
});
const Email = Type.String({ pattern: '^[^\\s@<>]+@[^\\s@<>]+$', maxLength: 254, description: 'An e-mail address.' });
const HttpUrl = Type.String({ pattern: '^https?://', maxLength: 2048, description: 'An http:// or https:// URL; the alarm event is POSTed as JSON.' });

const ChannelsSchema = {
  email: Type.Optional(Type.Array(Email, { minItems: 1, description: 'Recipients of the e-mail (needs notifications.smtp).' })),
  webhooks: Type.Optional(Type.Array(HttpUrl, { minItems: 1, description: 'URLs the alarm event is POSTed to, signed when notifications.webhookSecret is set.' })),
};

export const NotificationRuleSchema = Type.Object({
  name: Id,
  priorities: Type.Optional(Type.Array(PriorityName, { minItems: 1, description: 'Only alarms of these priorities; all when omitted.' })),
  areas: Type.Optional(Type.Array(Id, { minItems: 1, description: "Only alarms of these areas (the alarm's area:); all when omitted." })),
  paths: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'Only alarms on attributes under these path prefixes; all when omitted.' })),
  ...ChannelsSchema,
  escalation: Type.Optional(Type.Object({
    after: Type.Optional(DurationOf("How long an alarm may stay active and unacknowledged before escalating, when the alarm has no timeToRespond of its own.")),
    ...ChannelsSchema,
  }, { additionalProperties: false, description: 'Who is told when an alarm stays active and unacknowledged past its time to respond.' })),
  quietPeriod: Type.Optional(DurationOf('This rule does not notify about the same alarm again within this time (default notifications.quietPeriod).')),
}, { additionalProperties: false, description: 'Which alarms notify whom: a rule matches by priority, area and path; an alarm matching several rules notifies each.' });

export const SmtpSchema = Type.Object({
  host: Type.String({ minLength: 1, maxLength: 253 }),
  port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65_535, description: 'Default 587 (STARTTLS), 465 with tls: implicit, 25 with tls: none.' })),
  tls: Type.Optional(Type.Union([Type.Literal('starttls'), Type.Literal('implicit'), Type.Literal('none')], {
    description: 'starttls (default; the connection must be upgraded, or nothing is sent), implicit (TLS from the first byte, port 465), or none (plain text: causeway check warns).',
  })),
  ca: Type.Optional(Type.String({ minLength: 1, description: "A PEM file of the CA that signed the mail server's certificate, when it is not a public one." })),
  servername: Type.Optional(Type.String({ minLength: 1, description: 'The name the certificate is checked against, when it differs from host.' })),
  user: Type.Optional(Type.String({ minLength: 1 })),
  password: Type.Optional(Type.String({ minLength: 1, description: 'From the environment (${SMTP_PASSWORD}) or encrypted (causeway secret encrypt); never logged.' })),
  from: Email,
  timeout: Type.Optional(DurationOf('How long one delivery may take (default 30s).')),
}, { additionalProperties: false, description: 'The mail server alarm e-mails are sent through.' });

export const NotificationsSchema = Type.Object({
  smtp: Type.Optional(SmtpSchema),
  webhookSecret: Type.Optional(Type.String({ minLength: 16, description: 'Signs webhook notifications (x-causeway-signature, HMAC-SHA256 as the webhook sink); from the environment or encrypted.' })),
  quietPeriod: Type.Optional(DurationOf('A rule does not notify about the same alarm again within this time (default 15m); chattering alarms do not flood mailboxes.')),
  retryFor: Type.Optional(DurationOf('How long a notification that cannot be delivered is retried, with back-off (default 1h).')),
  consoleUrl: Type.Optional(Type.String({ pattern: '^https?://', description: "The hub's address as people reach it, for a link in the e-mail." })),
  rules: Type.Array(NotificationRuleSchema, { minItems: 1 }),
}, { additionalProperties: false, description: 'Alarm notifications by e-mail and webhook, with escalation.' });

export type NotificationsConfig = Static<typeof NotificationsSchema>;
export type NotificationRuleConfig = Static<typeof NotificationRuleSchema>;
export type SmtpConfig = Static<typeof SmtpSchema>;
export type SinkAlarmsConfig = Static<typeof SinkAlarmsSchema>;

