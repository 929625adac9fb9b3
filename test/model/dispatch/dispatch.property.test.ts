import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exponential } from '../../../src/engine/distributions.js';
import { StreamFactory } from '../../../src/engine/random.js';
import type { CallerCase } from '../../../src/model/dispatch/caller-case.js';
import type { DispatchPolicySpec, Grade, ResolvedGrading } from '../../../src/model/dispatch/types.js';
import { Harness } from './harness.js';
import { area, dispatchSpec, scenarioWith } from './scenarios.js';


interface World {
  units: [number, number];
  extra: number;
  neighbours: boolean;
  divert: boolean;
  policy: DispatchPolicySpec;
  upgradePerHour: number;
  chasePerHour: number;
  perHour: number;
  thrive: number;
  seed: number;
}

const world = fc.record({
  units: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
  extra: fc.integer({ min: 0, max: 2 }),
  neighbours: fc.boolean(),
  divert: fc.boolean(),
  policy: fc.oneof(fc.constant<DispatchPolicySpec>({ kind: 'gradeFirst' }), fc.integer({ min: 0, max: 2 }).map((k): DispatchPolicySpec => ({ kind: 'cutOffReserve', reserveUnits: k }))),
  upgradePerHour: fc.constantFrom(0, 0.5, 3),
  chasePerHour: fc.constantFrom(0, 1, 4),
  perHour: fc.constantFrom(1, 3, 8),
  thrive: fc.constantFrom(0.5, 1),
  seed: fc.integer({ min: 1, max: 1e6 }),
});

const HOURS = 48;

/** Run one random world: Poisson calls through the real sampler and grader, chasing calls handled after 3 minutes. */
function run(w: World, unitsDelta = 0, traceUnits = true): { h: Harness; cases: CallerCase[] } {
  const grading: ResolvedGrading = {
    needByChannel: [{ immediate: 0.3, priority: 0.4, scheduled: 0.1, resolvedWithoutDeployment: 0.1, none: 0.1 }, null], needByQueue: [null, null],
    flags: { repeat: 0.3, vulnerable: 0.3 }, thrive: w.thrive, recogniseRepeat: 0.6, recogniseVulnerable: 0.6, undergradeIfMissed: 0.7,
  };
  const areas = [
    area('A', w.units[0] + unitsDelta, {
      share: 0.5, travelMinutes: { exponential: { mean: 10 } },
      extraUnits: w.extra > 0 ? [{ fromSeconds: 6 * 3600, toSeconds: 30 * 3600, extra: w.extra }] : [],
      neighbours: w.neighbours ? [1] : [], helpAfterMinutes: 20,
    }),
    area('B', w.units[1], { share: 0.5, kind: 'rural', travelMinutes: { uniform: [5, 25] }, neighbours: w.neighbours ? [0] : [], helpAfterMinutes: 30 }),
  ];
  const spec = dispatchSpec(areas, {
    onSceneMinutes: { immediate: { exponential: { mean: 45 } }, priority: { exponential: { mean: 30 } } },
    policy: w.policy, divertFromPriority: w.divert, upgradePerHour: w.upgradePerHour, chasePerHour: w.chasePerHour,
    victimUpdates: { queueIndex: 1 },
  });
  let h: Harness | undefined;
  h = new Harness(scenarioWith(spec, grading, HOURS), {
    seed: w.seed,
    traceUnits,
    hooks: { offerChasingCall: (_c, at, _id, caller) => h!.sim.schedule(at + 180, () => h!.centre.callHandled(caller, at, at, true), null) },
  });
  const cases: CallerCase[] = [];
  const gap = new Exponential(3600 / w.perHour);
  const arrivals = new StreamFactory(w.seed, 0).stream('test.arrivals');
  const arrive = (): void => {
    const now = h!.sim.now;
    const c = h!.centre.drawCaller(0, -1);
    cases.push(c);
    h!.centre.callHandled(c, now, now, true);
    h!.sim.schedule(now + gap.sample(arrivals), arrive, null);
  };
  h.sim.schedule(gap.sample(arrivals), arrive, null);
  h.run(HOURS * 3600);
  return { h, cases };
}

const dispatchedGrades = new Set<Grade>(['immediate', 'priority']);
const settings = { numRuns: 60, seed: 20220101 };

describe('dispatch invariants', () => {
  it('every dispatched incident is attended exactly once or is open at the horizon, never both', () => {
    fc.assert(fc.property(world, (w) => {
      const { h } = run(w);
      const created = h.monitor.incidents.filter((r) => r.kind === 'created' && dispatchedGrades.has(r.given)).length;
      const attended = h.monitor.incidents.filter((r) => r.kind === 'attended').length;
      const open = h.monitor.incidents.filter((r) => r.kind === 'open').length;
      expect(attended + open).toBe(created);
      const arrivedIds = h.unitLog.filter((e) => e.what === 'arrived').map((e) => e.incident);
      expect(new Set(arrivedIds).size).toBe(arrivedIds.length);
      expect(arrivedIds.length).toBe(attended);
      expect(h.centre.unattended).toBe(open);
    }), settings);
  });

  it('no unit serves two incidents at once', () => {
    fc.assert(fc.property(world, (w) => {
      const { h } = run(w);
      const serving = new Map<number, number>();
      for (const e of h.unitLog) {
        const current = serving.get(e.unit);
        if (e.what === 'assigned') {
          expect(current).toBeUndefined();
          serving.set(e.unit, e.incident);
        } else if (e.what === 'diverted') {
          expect(current).toBe(e.incident);
          serving.set(e.unit, e.to!);
        } else if (e.what === 'arrived') {
          expect(current).toBe(e.incident);
        } else {
          expect(current).toBe(e.incident);
          serving.delete(e.unit);
        }
      }
      // Nor is an incident served by two units at once.
      const byIncident = new Map<number, number>();
      for (const [unit, incident] of serving) {
        expect(byIncident.has(incident)).toBe(false);
        byIncident.set(incident, unit);
      }
    }), settings);
  });

  it('attendance is at least the travel time, and never negative', () => {
    fc.assert(fc.property(world, (w) => {
      const { h, cases } = run(w);
      // Incident ids count dispatched incidents in order of creation; cases are in the same order.
      const dispatchedCases = cases.filter((c) => c.givenIndex <= 1);
      const attended = h.monitor.attended();
      const arrived = h.unitLog.filter((e) => e.what === 'arrived');
      arrived.forEach((e, i) => {
        // (arrival - start) is computed from two absolute instants: allow the rounding of one subtraction.
        expect(attended[i].seconds).toBeGreaterThanOrEqual(dispatchedCases[e.incident].travelSeconds - 1e-12 * e.at);
      });
      for (const r of h.monitor.incidents) if (r.kind !== 'created') expect(r.seconds).toBeGreaterThanOrEqual(0);
    }), settings);
  });

  it("adding a unit never changes any call's need, flags, area, travel or on-scene time", () => {
    fc.assert(fc.property(world, (w) => {
      const base = run(w).cases;
      const more = run(w, 1).cases;
      const key = (c: CallerCase) => [c.neededIndex, c.repeat, c.vulnerable, c.areaIndex, c.travelSeconds, c.onSceneSeconds, c.givenIndex];
      expect(more.map(key)).toEqual(base.map(key));
    }), { ...settings, numRuns: 30 });
  });

  it('clear-ups settled without events (no unit trace) give the same records as one event per clear-up', () => {
    fc.assert(fc.property(world, (w) => {
      const eager = run(w, 0, true).h;
      const quiet = run(w, 0, false).h;
      expect(quiet.monitor.incidents).toEqual(eager.monitor.incidents);
      expect(quiet.monitor.queueLevels).toEqual(eager.monitor.queueLevels);
      expect(quiet.monitor.victimUpdates).toEqual(eager.monitor.victimUpdates);
      expect(quiet.monitor.upgrades).toEqual(eager.monitor.upgrades);
      expect(quiet.chases.map((c) => [c.at, c.incidentId])).toEqual(eager.chases.map((c) => [c.at, c.incidentId]));
      // Unit levels: each area's in the same order (a quiet clear-up is reported when its area is next looked at).
      for (const area of [0, 1]) expect(quiet.monitor.unitLevels.filter((r) => r.area === area)).toEqual(eager.monitor.unitLevels.filter((r) => r.area === area));
      expect(quiet.monitor.unitLevels.length).toBe(eager.monitor.unitLevels.length);
    }), settings);
  });

  it('under-grading never happens when THRIVE and recognition are certain', () => {
    fc.assert(fc.property(world, fc.double({ min: 0, max: 1, noNaN: true }), (w, undergrade) => {
      const grading: ResolvedGrading = {
        needByChannel: [{ immediate: 0.4, priority: 0.4, scheduled: 0.2 }, null], needByQueue: [null, null],
        flags: { repeat: 0.5, vulnerable: 0.5 }, thrive: 1, recogniseRepeat: 1, recogniseVulnerable: 1, undergradeIfMissed: undergrade,
        undergradeMatrix: { immediate: { scheduled: 1 } },
      };
      const h = new Harness(scenarioWith(dispatchSpec([area('A', 1)]), grading, 10), { seed: w.seed });
      for (let i = 0; i < 200; i++) {
        const c = h.centre.drawCaller(0, -1);
        h.centre.callHandled(c, 0, 0, true);
        expect(c.givenIndex).toBe(c.neededIndex);
      }
      expect(h.monitor.incidents.every((r) => r.needed === r.given)).toBe(true);
    }), settings);
  });
});
