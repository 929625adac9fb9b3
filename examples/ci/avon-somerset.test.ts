// A property test a force's analytics team can put in its own CI (vitest + fast-check), against
// the force's scenario file and its own queue-selection policy. Copy it, change SCENARIO and
// POLICY, and run `npx vitest run`. Horizons are cut to two days so the whole file runs in seconds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario, simulate } from 'callsim';
import { checkInvariants, recordRun } from 'callsim/testing';

const SCENARIO = process.env.CALLSIM_SCENARIO ?? 'scenarios/avon-somerset-2022.yaml';
// The policy file, relative to this test file (examples/policies/ in callsim's repository).
const POLICY = new URL('../policies/furthest-behind-target.js', import.meta.url).pathname;
const SHORT = ['horizon={days: 2}', 'channels.999.surges=[]', 'channels.101.surges=[]'];

// Shifts of the two main pools (emergency, non-emergency) in the baseline: 4 each. A roster that
// changes by season (`periods`, as the emergency pool's) gets the same change in every season.
const shiftChange = fc.array(fc.integer({ min: -2, max: 3 }), { minLength: 8, maxLength: 8 });
const baseline = await loadScenario(SCENARIO, { sets: SHORT });
type Shifts = { shifts: readonly { staff: number }[] };
const staffing = (changes: number[]): string[] =>
  changes.flatMap((delta, k) => {
    const pool = k < 4 ? 0 : 1;
    const shift = k % 4;
    const roster = baseline.handlers.pools[pool].roster as Shifts | { periods: readonly { roster: Shifts }[] };
    const seasons: [string, Shifts][] = 'periods' in roster ? roster.periods.map((p, i) => [`periods[${i}].roster.`, p.roster]) : [['', roster]];
    return seasons.map(([at, r]) => `handlers.pools[${pool}].roster.${at}shifts[${shift}].staff=${Math.max(0, r.shifts[shift].staff + delta)}`);
  });

describe('Avon and Somerset baseline under random staffing changes', () => {
  it('every run keeps the invariants: each call ends once, FIFO, no handler on two calls, counts conserved', async () => {
    await fc.assert(
      fc.asyncProperty(shiftChange, fc.integer({ min: 0, max: 1000 }), async (changes, replication) => {
        const scenario = await loadScenario(SCENARIO, { sets: [...SHORT, ...staffing(changes)] });
        expect(checkInvariants(recordRun(scenario, replication))).toEqual([]);
      }),
      { numRuns: 6, seed: 2022 },
    );
  });

  it('more 999 call-takers on every shift never lowers the 999 calls answered (same callers)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 1000 }), async (extra, replication) => {
        const more = await loadScenario(SCENARIO, { sets: [...SHORT, ...staffing([extra, extra, extra, extra, 0, 0, 0, 0])] });
        const base = simulate(baseline, { replication }).metrics;
        const plus = simulate(more, { replication }).metrics;
        // Common random numbers: both runs see the same callers.
        expect(plus['queues.999.offered']).toBe(base['queues.999.offered']);
        expect(plus['queues.999.answered']).toBeGreaterThanOrEqual(base['queues.999.answered']);
      }),
      { numRuns: 4, seed: 7 },
    );
  });
});

describe('the furthest-behind-target policy on the 101 pool', () => {
  const withPolicy = (params: object): string[] => [...SHORT, `handlers.pools[1].queueSelection={plugin: ${POLICY}, params: ${JSON.stringify(params)}}`];

  it('keeps the invariants whatever its goals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), async (primary, secondary) => {
        const scenario = await loadScenario(SCENARIO, { sets: withPolicy({ goal: { primary, secondary } }) });
        expect(checkInvariants(recordRun(scenario))).toEqual([]);
      }),
      { numRuns: 5, seed: 101 },
    );
  });

  it('serving primary first in all cases gives exactly the strict-priority baseline', async () => {
    const scenario = await loadScenario(SCENARIO, { sets: withPolicy({ first: ['primary', 'secondary'] }) });
    expect(simulate(scenario).metrics).toEqual(simulate(baseline).metrics);
  });
});
