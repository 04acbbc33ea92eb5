/** TypeBox schemas of the simulator's `config:` block and of the kind-specific keys of its tags. */
import { Type, type Static, type TProperties } from 'typebox';

const TagRef = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'The id of another tag of this source.' });
const Seconds = Type.Number({ exclusiveMinimum: 0, description: 'Seconds (> 0).' });

export const SimulatorConfigSchema = Type.Object(
  {
    seed: Type.Optional(Type.Integer({ default: 1, description: 'Seed of every random stream; same seed, same series.' })),
    period: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1 }), Type.String({ pattern: '^\\d+(\\.\\d+)?(ms|s|m|h)$' })], {
        default: 1000,
        description: 'The simulation step: milliseconds, or text such as 500ms, 1s, 1m. Default 1s.',
      }),
    ),
    startTime: Type.Optional(Type.Integer({ minimum: 0, description: 'Epoch ms of step 0 (tests); default: when the source first connects.' })),
    maxCatchUpSteps: Type.Optional(
      Type.Integer({ minimum: 1, default: 3600, description: 'Most steps one poll generates; older missed steps are skipped (and logged).' }),
    ),
  },
  { additionalProperties: false, description: 'A seeded, deterministic plant simulator.' },
);
export type SimulatorConfig = Static<typeof SimulatorConfigSchema>;

/** Episodes that come back: the first starts at firstSeconds, then one every everySeconds (none again without it). */
const Recurring = {
  firstSeconds: Type.Number({ minimum: 0, description: 'Seconds after step 0 when the first episode starts.' }),
  everySeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'Seconds from the start of one episode to the next; without it, only the first.' })),
  durationSeconds: Seconds,
};
export const ExcursionSchema = Type.Object(
  { ...Recurring, by: Type.Number({ description: 'How far the value moves at the height of the episode (negative: down).' }) },
  { additionalProperties: false, description: 'A process upset: the value moves by `by` over the first quarter of the episode, holds, and comes back over the last quarter.' },
);
export const DropoutSchema = Type.Object(Recurring, { additionalProperties: false, description: 'A sensor that stops reporting: no value for the tag during each episode (the hub marks it stale).' });

/** Keys every numeric signal may carry besides its own. */
const NumericExtras = {
  excursions: Type.Optional(ExcursionSchema),
  noise: Type.Optional(
    Type.Object({ stddev: Type.Number({ minimum: 0 }) }, { additionalProperties: false, description: 'Gaussian measurement noise added to the value.' }),
  ),
  quantize: Type.Optional(
    Type.Object({ step: Type.Number({ exclusiveMinimum: 0 }) }, { additionalProperties: false, description: "Round to the sensor's resolution." }),
  ),
  whileRunning: Type.Optional(Type.String({ ...TagRef, description: 'A machine-state tag: the signal only runs while that machine runs.' })),
  stoppedValue: Type.Optional(Type.Number({ description: 'Value while the whileRunning machine is not running (default 0).' })),
};

function signal<K extends string, P extends TProperties>(
  kind: K,
  props: P,
  description: string,
) {
  return Type.Object({ kind: Type.Literal(kind), ...props }, { additionalProperties: false, description });
}

const Scalar = Type.Union([Type.Number(), Type.Boolean(), Type.String()]);
const StateName = Type.Union([Type.Literal('running'), Type.Literal('idle'), Type.Literal('down')]);
const StateSpec = Type.Object(
  {
    meanSeconds: Seconds,
    code: Type.Optional(Type.Integer({ description: 'Emitted code; default running 1, idle 2, down 3.' })),
    label: Type.Optional(Type.String({ minLength: 1, description: 'Emitted when the tag has type: string; default the state name.' })),
    weight: Type.Optional(Type.Number({ minimum: 0, description: 'Idle/down: how often a running stretch ends in this state (default 1).' })),
  },
  { additionalProperties: false },
);

export const ConstantSignal = Type.Object(
  { kind: Type.Literal('constant'), value: Scalar, ...NumericExtras },
  { additionalProperties: false, description: 'A fixed value.' },
);
export const SineSignal = signal('sine', {
  amplitude: Type.Number(),
  periodSeconds: Seconds,
  offset: Type.Number(),
  phase: Type.Optional(Type.Number({ description: 'Phase in degrees.' })),
  ...NumericExtras,
}, 'offset + amplitude * sin(360° t / periodSeconds + phase).');
export const RandomWalkSignal = signal('random-walk', {
  start: Type.Number(),
  step: Type.Number({ minimum: 0, description: 'Standard deviation of the change over one second.' }),
  min: Type.Number(),
  max: Type.Number(),
  meanReversion: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Share of the distance to start pulled back per second.' })),
  ...NumericExtras,
}, 'A slow drift of a process value, kept in [min, max].');
export const RampSignal = signal('ramp', {
  from: Type.Number(),
  to: Type.Number(),
  durationSeconds: Seconds,
  repeat: Type.Optional(Type.Boolean({ description: 'Start again from `from` after each ramp (saw tooth); default hold at `to`.' })),
  ...NumericExtras,
}, 'A linear ramp.');
export const StepSignal = Type.Object(
  { kind: Type.Literal('step'), levels: Type.Array(Type.Number(), { minItems: 1 }), holdSeconds: Seconds, ...NumericExtras },
  { additionalProperties: false, description: 'Cycles through levels, holding each for holdSeconds.' },
);
export const MachineStateSignal = Type.Object(
  {
    kind: Type.Literal('machine-state'),
    states: Type.Object(
      { running: StateSpec, idle: Type.Optional(StateSpec), down: Type.Optional(StateSpec) },
      { additionalProperties: false },
    ),
    downReasons: Type.Optional(
      Type.Array(
        Type.Object(
          { code: Type.Integer({ minimum: 1 }), label: Type.String({ minLength: 1 }), weight: Type.Number({ exclusiveMinimum: 0 }) },
          { additionalProperties: false },
        ),
        { minItems: 1 },
      ),
    ),
    initial: Type.Optional(StateName),
    opening: Type.Optional(
      Type.Array(
        Type.Object(
          { state: StateName, seconds: Seconds, reason: Type.Optional(Type.Integer({ minimum: 1, description: 'down: the code of one of downReasons (default the first).' })) },
          { additionalProperties: false },
        ),
        { minItems: 1, description: 'A scripted start: these states in turn from step 0 (e.g. a stop in the first minutes of a demo); the random chain follows.' },
      ),
    ),
  },
  { additionalProperties: false, description: 'A semi-Markov machine state: running, idle, down.' },
);
export const ReasonSignal = Type.Object(
  { kind: Type.Literal('reason'), tag: TagRef },
  { additionalProperties: false, description: "The down reason code of a machine-state tag; 0 when it is not down." },
);
export const StateIsSignal = Type.Object(
  { kind: Type.Literal('state-is'), tag: TagRef, state: StateName },
  { additionalProperties: false, description: 'True while a machine-state tag is in the given state.' },
);
export const CounterSignal = Type.Object(
  {
    kind: Type.Literal('counter'),
    ratePerSecond: Type.Number({ minimum: 0 }),
    rolloverAt: Type.Optional(Type.Integer({ minimum: 1, default: 4294967296, description: 'Wraps to 0 on reaching this (default 2^32).' })),
    whileRunning: Type.Optional(TagRef),
    start: Type.Optional(Type.Integer({ minimum: 0 })),
    resetEvery: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'Seconds between PLC counter resets to 0.' })),
  },
  { additionalProperties: false, description: 'An integer counter that wraps at rolloverAt.' },
);
export const SetpointSignal = Type.Object(
  { kind: Type.Literal('setpoint'), value: Scalar },
  { additionalProperties: false, description: 'Holds its value; writes change it.' },
);
export const FollowSignal = signal('follow', {
  tag: TagRef,
  gain: Type.Number(),
  offset: Type.Number(),
  lagSeconds: Type.Optional(Type.Number({ minimum: 0, description: 'First-order lag time constant.' })),
  ...NumericExtras,
}, 'gain * <tag> + offset, optionally lagged.');

export const SignalSchema = Type.Union([
  ConstantSignal, SineSignal, RandomWalkSignal, RampSignal, StepSignal, MachineStateSignal,
  ReasonSignal, StateIsSignal, CounterSignal, SetpointSignal, FollowSignal,
]);
export type SignalConfig = Static<typeof SignalSchema>;
export type MachineStateConfig = Static<typeof MachineStateSignal>;
export type StateName = Static<typeof StateName>;
export type ExcursionConfig = Static<typeof ExcursionSchema>;
export type DropoutConfig = Static<typeof DropoutSchema>;

/** The simulator's own keys of a tag; the common keys (id, type, unit, ...) are checked by config/. */
export const SimulatorTagSchema = Type.Object(
  {
    signal: SignalSchema,
    badQualityRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Share of samples sent with bad quality.' })),
    dropouts: Type.Optional(DropoutSchema),
  },
  { additionalProperties: false },
);
export type SimulatorTag = Static<typeof SimulatorTagSchema>;
