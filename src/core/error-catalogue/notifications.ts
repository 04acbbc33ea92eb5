/** Error catalogue entries: alarm notifications (e-mail, webhooks) and escalation. */
import { spec } from './spec.js';

export const NOTIFY_ERRORS = {
  CW_NOTIFY_CA_UNREADABLE: spec<{ file: string; reason: string }>({
    status: 500, retryable: false,
    message: (p) => `The CA file ${p.file} of notifications.smtp.ca cannot be read: ${p.reason}.`,
    hint: () => "Point notifications.smtp.ca at the PEM file of the CA that signed the mail server's certificate (readable by the hub), or leave ca out for a server with a public certificate.",
  }),
  CW_NOTIFY_SEND_FAILED: spec<{ channel: string; target: string; reason: string }>({
    status: 502, retryable: true,
    message: (p) => `An alarm notification by ${p.channel} to ${p.target} could not be delivered: ${p.reason}.`,
    hint: (p) => p.channel === 'e-mail'
      ? 'Check notifications.smtp (host, port, tls, user and password) and that the mail server is reachable from the hub; the notification is retried with back-off.'
      : 'Check that the webhook receiver is reachable from the hub and answers 2xx; the notification is retried with back-off.',
  }),
  CW_NOTIFY_REJECTED: spec<{ channel: string; target: string; reason: string }>({
    status: 502, retryable: false,
    message: (p) => `An alarm notification by ${p.channel} to ${p.target} was refused: ${p.reason}.`,
    hint: (p) => p.channel === 'e-mail'
      ? 'The mail server refused the message or a recipient (authentication, relay not allowed, unknown mailbox): fix notifications.smtp or the rule\'s recipients. It is not retried.'
      : 'The receiver refused the request (4xx): fix its URL or the receiver. It is not retried.',
  }),
  CW_NOTIFY_GAVE_UP: spec<{ channel: string; target: string; attempts: number; reason: string }>({
    status: 502, retryable: false,
    message: (p) => `An alarm notification by ${p.channel} to ${p.target} was given up after ${p.attempts} attempts: ${p.reason}.`,
    hint: () => 'Notifications are retried for notifications.retryFor (default 1 h); make the mail server or receiver reachable, and check the alarm list for what was missed.',
  }),
  CW_NOTIFY_QUEUE_FULL: spec<{ max: number }>({
    status: 503, retryable: false,
    message: (p) => `More than ${p.max} alarm notifications are waiting to be delivered; the oldest was dropped.`,
    hint: () => 'The mail server or a webhook receiver has been unreachable for long while alarms kept coming: restore it, and review the alarm list (an alarm flood needs rationalization).',
  }),
} as const;
