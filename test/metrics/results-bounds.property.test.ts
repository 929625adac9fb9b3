/**
 * Bounds every result must respect, over random dispatch scenarios (rosters of shifts that end
 * while units are busy, surges, redials, neighbours helping, victim updates): every ratio lies in
 * [0, 1], every count is a non-negative integer, and calls are conserved per queue and channel.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run-replication.js';
import { resolveScenario } from '../../src/scenario/index.js';

/** Metrics counted in whole calls or incidents (time averages such as `meanWaiting` excluded). */
const isCount = (name: string, unit: string): boolean => ['calls', 'incidents', 'callers'].includes(unit) && !/(meanWaiting|\.waiting)$/.test(name);

const shift = fc.record({ startHour: fc.integer({ min: 0, max: 23 }), hours: fc.integer({ min: 1, max: 12 }), staff: fc.integer({ min: 1, max: 4 }) });

const area = fc.record({
  units: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.array(shift, { minLength: 1, maxLength: 3 })),
  travelMean: fc.integer({ min: 3, max: 40 }),
  share: fc.integer({ min: 1, max: 5 }),
});

const scenarioArb = fc.record({
  hours: fc.integer({ min: 6, max: 36 }),
  perHour999: fc.integer({ min: 2, max: 60 }),
  perHour101: fc.integer({ min: 0, max: 60 }),
  surgeFactor: fc.double({ min: 1, max: 4, noNaN: true }),
  patienceMean: fc.option(fc.integer({ min: 20, max: 900 }), { nil: undefined }),
  redial: fc.double({ min: 0, max: 0.9, noNaN: true }),
  staff: fc.integer({ min: 0, max: 6 }),
  handleMean: fc.integer({ min: 30, max: 600 }),
  deflected: fc.double({ min: 0, max: 0.5, noNaN: true }),
  immediate: fc.double({ min: 0, max: 1, noNaN: true }),
  onSceneMean: fc.integer({ min: 5, max: 240 }),
  areas: fc.array(area, { minLength: 1, maxLength: 3 }),
  neighbours: fc.boolean(),
  victimUpdates: fc.boolean(),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

type Drawn = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

const pad = (h: number): string => `${String(h).padStart(2, '0')}:00`;

function written(d: Drawn): unknown {
  const total = d.areas.reduce((n, a) => n + a.share, 0);
  const shares = d.areas.map((a) => a.share / total);
  shares[shares.length - 1] = 1 - shares.slice(0, -1).reduce((n, s) => n + s, 0);
  const names = d.areas.map((_, i) => `area${i}`);
  const patience = d.patienceMean === undefined ? {} : { patienceSeconds: { exponential: { mean: d.patienceMean } } };
  return {
    name: 'random dispatch',
    start: '2022-03-07T00:00:00Z',
    horizon: { hours: d.hours },
    warmup: { hours: 1 },
    replications: 1,
    seed: d.seed,
    channels: {
      '999': { perHour: d.perHour999, queue: '999', surges: [{ start: '2022-03-07T02:00:00Z', hours: 3, factor: d.surgeFactor }] },
      '101': { perHour: d.perHour101, ivr: { menuSeconds: { uniform: [10, 60] }, deflected: d.deflected }, next: 'primary' },
    },
    queues: {
      '999': { targetSeconds: 10, ...patience },
      primary: { targetSeconds: 120, ...patience, redial: { probability: d.redial, delaySeconds: 300 } },
    },
    handlers: {
      pools: [{ name: 'handlers', serves: ['999', 'primary'], staff: d.staff }],
      handleSeconds: { '999': { exponential: { mean: d.handleMean } }, primary: { exponential: { mean: d.handleMean } } },
    },
    grading: { need: { '999': { immediate: d.immediate, priority: 1 - d.immediate }, primary: { priority: 0.5, scheduled: 0.5 } } },
    dispatch: {
      areas: d.areas.map((a, i) => ({
        name: names[i],
        kind: i % 2 === 0 ? 'urban' : 'rural',
        share: shares[i],
        units: typeof a.units === 'number' ? a.units : { shifts: a.units.map((s) => ({ start: pad(s.startHour), hours: s.hours, staff: s.staff })) },
        travelMinutes: { exponential: { mean: a.travelMean } },
        ...(d.neighbours && d.areas.length > 1 ? { neighbours: names.filter((n) => n !== names[i]) } : {}),
      })),
      onSceneMinutes: { immediate: { exponential: { mean: d.onSceneMean } }, priority: { exponential: { mean: d.onSceneMean } } },
      ...(d.victimUpdates ? { victimUpdates: {} } : {}),
    },
  };
}

describe('results of random dispatch scenarios', () => {
  it('every occupancy and ratio lies in [0, 1], every count is a non-negative integer, and offered = answered + abandoned + deflected + open', () => {
    fc.assert(
      fc.property(scenarioArb, (d) => {
        const scenario = resolveScenario(written(d));
        const r = runReplication(scenario, 0);
        for (const [name, value] of Object.entries(r.metrics)) {
          const unit = r.units[name];
          if (unit === 'ratio' && Number.isFinite(value)) {
            expect(value, name).toBeGreaterThanOrEqual(0);
            expect(value, name).toBeLessThanOrEqual(1);
          }
          if (isCount(name, unit)) {
            expect(Number.isInteger(value) && value >= 0, `${name} = ${value}`).toBe(true);
          }
        }
        const m = r.metrics;
        for (const queue of scenario.queues.map((q) => q.name)) {
          const q = (k: string): number => m[`queues.${queue}.${k}`];
          // A queue sees no IVR: nothing is deflected there.
          expect(q('answered') + q('abandoned') + q('open'), `queues.${queue}`).toBe(q('offered'));
        }
        for (const channel of scenario.channels.map((c) => c.name)) {
          const c = (k: string): number => m[`channels.${channel}.${k}`];
          const ended = c('answered') + c('abandoned') + c('deflected') + c('open') + c('ivrHangUp') + c('resolved') + c('callbackFailed');
          expect(ended, `channels.${channel}`).toBe(c('offered'));
        }
      }),
      { numRuns: 40, seed: 18 },
    );
  });
});
