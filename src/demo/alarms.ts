/**
 * The demo plant's alarms, rationalized as IEC 62682 asks: priority, area, owner, cause,
 * consequence, corrective action and time to respond. alarm-episodes.ts makes each of them happen
 * within the first minutes of a demo run; docs/alarms.md lists them.
 */
import type { TemplateAlarmsConfig } from '../config/schema-alarms.js';

/** A delay as users read it ('5m'), or, scaled for tests, in milliseconds. */
function delay(seconds: number, scale: number): string | number {
  if (scale !== 1) return Math.max(1, Math.round((seconds * 1000) / scale));
  return seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}

/** The alarm blocks of the demo's templates, by template id. `scale` (tests only) shortens the delays. */
export function demoTemplateAlarms(scale = 1): Record<string, TemplateAlarmsConfig[]> {
  const d = (seconds: number) => delay(seconds, scale);
  const stoppedFor = scale === 1 ? '5 minutes' : `${d(300)} ms`;
  return {
    Compressor: [
      {
        attribute: 'discharge_pressure',
        hi: {
          setpoint: 7.6, priority: 'medium', timeToRespond: '15m',
          cause: 'Air demand has dropped while the compressor is still loaded, or the load/unload control is sluggish.',
          consequence: 'Energy wasted on over-pressure; at 8 bar the high-high alarm follows.',
          correctiveAction: 'Check the compressor unloads at its setpoint and that no consumer valve closed suddenly.',
        },
        hihi: {
          setpoint: 8.0, priority: 'high', timeToRespond: '5m',
          cause: 'The compressor does not unload (load valve or pressure switch fault), or the discharge is blocked.',
          consequence: 'The safety valve lifts at 8.5 bar; the compressor trips on high pressure and the packaging lines lose air.',
          correctiveAction: 'Unload or stop the compressor by hand; check the load valve and the pressure transmitter.',
        },
        deadband: 0.1, onDelay: d(5), offDelay: d(5), area: 'utilities', owner: 'utilities-maintenance',
        message: '{path}: discharge pressure {value} {unit} above {setpoint} {unit}',
      },
      {
        attribute: 'outlet_temp',
        rules: [{
          name: 'sensor-stale', type: 'quality', quality: 'stale', priority: 'low', area: 'utilities', owner: 'instrumentation', timeToRespond: '8h',
          message: '{path}: the outlet temperature sensor has stopped reporting',
          cause: 'The temperature transmitter or its cable has failed, or the edge node lost the input.',
          consequence: 'No warning of a rising air outlet temperature (dryer overload, cooler fouling); the last value is shown as if current.',
          correctiveAction: 'Check the transmitter and its wiring; raise a work order for instrumentation.',
        }],
      },
    ],
    Filler: [
      {
        attribute: 'fill_level',
        lo: {
          setpoint: 496, priority: 'high', timeToRespond: '10m',
          cause: 'Product level in the bowl is low, or a fill valve is worn or blocked.',
          consequence: 'Under-filled bottles: they fail the average-quantity rule (e-mark) and must be found and scrapped.',
          correctiveAction: 'Check the bowl level and the fill valves; hold the last pallet for a weight check.',
        },
        deadband: 0.5, onDelay: d(3), area: 'packaging', owner: 'quality-assurance',
        // Designed suppression: the fill level means nothing while the filler stands.
        suppressedWhen: 'state != 1',
        message: '{path}: fill level {value} {unit}, below {setpoint} {unit}',
      },
      {
        attribute: 'state',
        rules: [{
          name: 'line-stopped', type: 'discrete', notEquals: 1 /* running */, onDelay: d(300), priority: 'high', area: 'packaging', owner: 'line-supervisor', timeToRespond: '10m',
          message: `{path}: the line has not run for more than ${stoppedFor}`,
          cause: 'A breakdown the operators have not cleared (see the down reason), or the line was stopped and not restarted.',
          consequence: 'The line loses about 600 bottles a minute; the work order runs late.',
          correctiveAction: 'Find the down reason on the filler HMI, call maintenance for a breakdown, and restart the line when it is cleared.',
        }],
      },
    ],
    Capper: [
      {
        // Tuned badly on purpose: no deadband and no delay, so the torque noise makes it chatter; the
        // KPI page shows it as a bad actor (the fix: deadband 1 Ncm, on-delay 5 s).
        attribute: 'torque',
        hi: {
          setpoint: 193, priority: 'low', timeToRespond: '30m',
          cause: 'Cap application torque near its upper limit: capping heads worn or the clutch set too tight.',
          consequence: 'Caps too tight to open by hand; complaints from customers.',
          correctiveAction: 'Check the capping heads and the clutch setting at the next stop.',
        },
        area: 'packaging', owner: 'packaging-maintenance',
      },
    ],
  };
}
