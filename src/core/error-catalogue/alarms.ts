/** Error catalogue entries: alarms (ISA-18.2), their journal and the operator actions on them. */
import { spec } from './spec.js';

export const ALARM_ERRORS = {
  CW_ALARM_STORE: spec<{ dir: string; reason: string }>({
    status: 500, retryable: false,
    message: (p) => `The alarm journal and alarm states in ${p.dir} cannot be used: ${p.reason}.`,
    hint: () => 'Check that the data directory is writable and not full; restore alarms.sqlite from a backup if the file is damaged.',
  }),
  CW_ALARM_NOT_FOUND: spec<{ id: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no alarm "${p.id}".`,
    hint: () => 'Alarm ids are <attribute path>/<alarm name>, e.g. acme/springfield/packaging/line1/filler/level/lo; list them with GET /api/v1/alarms?all=true and URL-encode the id in the path.',
  }),
  CW_ALARM_STATE: spec<{ id: string; action: string; problem: string }>({
    status: 409, retryable: false,
    message: (p) => `Alarm ${p.id} cannot be changed by ${p.action}: ${p.problem}.`,
    hint: () => 'Put the alarm back in service first (POST /api/v1/alarms/<id>/in-service, an engineer), then acknowledge or shelve it.',
  }),
  CW_ALARM_SHELVE_TOO_LONG: spec<{ max: string }>({
    status: 400, retryable: false,
    message: (p) => `An alarm may be shelved for at most ${p.max}.`,
    hint: () => 'Shelve for a shorter time and shelve again if needed; an alarm that should stay off for long is taken out of service by an engineer, with a reason.',
  }),
} as const;
