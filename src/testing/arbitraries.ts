/**
 * fast-check arbitraries for users' property tests: valid scenario files (as data: a control room
 * with 999 and 101 channels, BT transfer, IVR, switchboard, primary and secondary queues, pools
 * with rosters, a queue-selection policy, grading and dispatch), call traces, and the parameters
 * of the built-in policies. Every value they produce passes `loadScenario`.
 */
import fc from 'fast-check';
import type { TraceCall } from '../model/resolved.js';

/** A duration distribution as written in a scenario (seconds or minutes, by `scale`). */
export function arbitraryDuration(min = 5, max = 600): fc.Arbitrary<Record<string, unknown> | number> {
  return fc.oneof(
    fc.double({ min, max, noNaN: true }).map((mean) => ({ exponential: { mean } })),
    fc.double({ min: 0, max, noNaN: true }),
    fc.tuple(fc.double({ min, max, noNaN: true }), fc.double({ min: 0.1, max: 2, noNaN: true })).map(([mean, cv]) => ({ lognormal: { mean, cv } })),
    fc.tuple(fc.double({ min: 0, max, noNaN: true }), fc.double({ min: 0, max, noNaN: true })).map(([a, b]) => ({ uniform: [Math.min(a, b), Math.max(a, b)] })),
  );
}

/** A roster as written: a constant headcount or 24 hourly headcounts. */
export function arbitraryRoster(maxStaff = 6): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(
    fc.integer({ min: 0, max: maxStaff }).map((constant) => ({ constant })),
    fc.array(fc.integer({ min: 0, max: maxStaff }), { minLength: 24, maxLength: 24 }).map((hourOfDay) => ({ hourOfDay })),
  );
}

/** Written parameters of each built-in queue-selection policy over `queues` (names). */
export const arbitraryPolicyParams = {
  strictPriority: (queues: readonly string[]) => fc.shuffledSubarray([...queues], { minLength: 1 }),
  longestWeightedWait: (queues: readonly string[]) => fc.record(Object.fromEntries(queues.map((q) => [q, fc.double({ min: 0, max: 20, noNaN: true })]))),
  ageing: (queues: readonly string[]) =>
    fc.record({
      order: fc.shuffledSubarray([...queues], { minLength: queues.length, maxLength: queues.length }),
      from: fc.constantFrom(...queues),
      to: fc.constantFrom(...queues),
      afterSeconds: fc.double({ min: 0, max: 3600, noNaN: true }),
    }),
  reserve: (queues: readonly string[]) =>
    fc.record({ order: fc.shuffledSubarray([...queues], { minLength: 1 }), queue: fc.constantFrom(...queues), keep: fc.integer({ min: 0, max: 3 }) }),
};

/** A written queue-selection policy (any built-in, with valid parameters) over `queues`. */
export function arbitraryQueueSelection(queues: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(
    ...Object.entries(arbitraryPolicyParams).map(([name, params]) => (params(queues) as fc.Arbitrary<unknown>).map((p) => ({ [name]: p }))),
  );
}

/** A written dispatch policy. */
export const arbitraryDispatchPolicy: fc.Arbitrary<string | Record<string, unknown>> = fc.oneof(
  fc.constant('gradeFirst'),
  fc.integer({ min: 0, max: 3 }).map((reserveUnits) => ({ cutOffReserve: { reserveUnits } })),
);

/** Shares of the needed grades, summing to 1. */
const needMix = fc
  .array(fc.integer({ min: 0, max: 10 }), { minLength: 5, maxLength: 5 })
  .filter((w) => w.some((x) => x > 0))
  .map((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    const grades = ['immediate', 'priority', 'scheduled', 'resolvedWithoutDeployment', 'none'];
    const mix: Record<string, number> = {};
    let left = 1;
    w.forEach((x, i) => {
      const share = i === w.length - 1 ? Math.max(0, left) : x / total;
      left -= share;
      if (share > 0) mix[grades[i]] = share;
    });
    return mix;
  });

export interface ScenarioArbitraryOptions {
  /** Simulated hours (default 2 to 6: short runs keep property tests fast). */
  hours?: { min: number; max: number };
  /** Include grading and dispatch sometimes (default true). */
  dispatch?: boolean;
}

/**
 * A valid scenario as written (pass it to `loadScenario`): 999 calls through BT's transfer, 101
 * calls through an IVR and a switchboard to primary and secondary queues, one or two handler
 * pools with rosters, any built-in queue-selection policy, and sometimes grading and dispatch.
 */
export function arbitraryScenario(options: ScenarioArbitraryOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const hours = options.hours ?? { min: 2, max: 6 };
  const queues = ['999', 'primary', 'secondary'];
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      hours: fc.integer(hours),
      rate999: fc.double({ min: 0, max: 60, noNaN: true }),
      rate101: fc.double({ min: 0, max: 80, noNaN: true }),
      btTransfer: fc.boolean(),
      deflected: fc.double({ min: 0, max: 0.4, noNaN: true }),
      hangUp: fc.double({ min: 0, max: 0.2, noNaN: true }),
      resolved: fc.double({ min: 0, max: 0.6, noNaN: true }),
      primaryShare: fc.double({ min: 0, max: 1, noNaN: true }),
      operators: fc.integer({ min: 1, max: 3 }),
      twoPools: fc.boolean(),
      roster: arbitraryRoster(),
      secondRoster: arbitraryRoster(),
      handle: arbitraryDuration(),
      patience: fc.option(arbitraryDuration(), { nil: undefined }),
      callback: fc.boolean(),
      redial: fc.boolean(),
      policy: arbitraryQueueSelection(queues),
      dispatch: options.dispatch === false ? fc.constant(undefined) : fc.option(fc.record({ need: needMix, units: fc.integer({ min: 0, max: 4 }), travel: arbitraryDuration(1, 30), policy: arbitraryDispatchPolicy }), { nil: undefined }),
    })
    .map((p) => {
      const onward = 1 - p.deflected - p.hangUp;
      const scenario: Record<string, unknown> = {
        name: 'generated control room',
        start: '2022-03-01T00:00:00Z',
        horizon: { hours: p.hours },
        warmup: { minutes: 10 },
        replications: 1,
        seed: p.seed,
        channels: {
          '999': { perHour: p.rate999, queue: '999', ...(p.btTransfer ? { btTransferSeconds: { uniform: [1, 4] } } : {}) },
          '101': { perHour: p.rate101, ivr: { menuSeconds: { uniform: [20, 60] }, deflected: p.deflected, hangUp: p.hangUp, onward: { switchboard: onward } } },
        },
        queues: {
          '999': { targetSeconds: 10, ...(p.patience === undefined ? {} : { patienceSeconds: p.patience }) },
          switchboard: { targetSeconds: 40, ...(p.patience === undefined ? {} : { patienceSeconds: p.patience }) },
          primary: { targetSeconds: 120, ...(p.patience === undefined ? {} : { patienceSeconds: p.patience }), ...(p.redial ? { redial: { probability: 0.5, delaySeconds: { exponential: { mean: 120 } } } } : {}) },
          secondary: { targetSeconds: 600, ...(p.patience === undefined ? {} : { patienceSeconds: p.patience }), ...(p.callback ? { callback: { offerAfterSeconds: 180, accept: 0.5, reach: 0.8 } } : {}) },
        },
        switchboard: {
          staff: p.operators,
          handleSeconds: { uniform: [10, 90] },
          routes: { resolved: p.resolved, primary: (1 - p.resolved) * p.primaryShare, secondary: 1 - p.resolved - (1 - p.resolved) * p.primaryShare },
        },
        handlers: {
          pools: p.twoPools
            ? [
                { name: 'emergency', serves: ['999', 'primary'], roster: p.roster },
                { name: 'non-emergency', serves: ['primary', 'secondary'], roster: p.secondRoster },
              ]
            : [{ name: 'handlers', serves: queues, roster: p.roster }],
          handleSeconds: { '999': p.handle, primary: p.handle, secondary: p.handle },
          wrapUpSeconds: { uniform: [0, 30] },
        },
        policy: { queueSelection: p.policy },
      };
      if (p.dispatch !== undefined) {
        scenario.grading = { need: { '999': p.dispatch.need, '101': p.dispatch.need } };
        scenario.dispatch = {
          areas: [{ name: 'town', kind: 'urban', share: 1, units: { constant: p.dispatch.units }, travelMinutes: p.dispatch.travel }],
          onSceneMinutes: { immediate: { exponential: { mean: 30 } }, priority: { exponential: { mean: 45 } } },
          policy: p.dispatch.policy,
        };
      }
      return scenario;
    });
}

/** A call trace (rows of a trace CSV) over `hours` for the given channels, in arrival order. */
export function arbitraryTrace(channels: readonly string[], hours = 4, maxCalls = 200): fc.Arbitrary<TraceCall[]> {
  const row = fc.record({
    arrivalSeconds: fc.double({ min: 0, max: hours * 3600, noNaN: true, maxExcluded: true }),
    channel: fc.constantFrom(...channels),
    handleSeconds: fc.option(fc.double({ min: 1, max: 1800, noNaN: true }), { nil: undefined }),
    patienceSeconds: fc.option(fc.double({ min: 1, max: 1800, noNaN: true }), { nil: undefined }),
  });
  return fc.array(row, { maxLength: maxCalls }).map((rows) =>
    rows
      .map((r) => {
        const call: TraceCall = { arrivalSeconds: r.arrivalSeconds, channel: r.channel };
        if (r.handleSeconds !== undefined) call.handleSeconds = r.handleSeconds;
        if (r.patienceSeconds !== undefined) call.patienceSeconds = r.patienceSeconds;
        return call;
      })
      .sort((a, b) => a.arrivalSeconds - b.arrivalSeconds),
  );
}
