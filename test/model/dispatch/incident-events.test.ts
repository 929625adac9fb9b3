import { describe, expect, it } from 'vitest';
import type { ResolvedGrading } from '../../../src/model/dispatch/types.js';
import { Harness } from './harness.js';
import { area, dispatchSpec, scenarioWith } from './scenarios.js';


const MIN = 60;
const grading: ResolvedGrading = {
  needByChannel: [null, null], needByQueue: [null, null], flags: { repeat: 0, vulnerable: 0 },
  thrive: 0.5, recogniseRepeat: 1, recogniseVulnerable: 1, undergradeIfMissed: 1,
};

describe('chasing calls', () => {
  it('a waiting caller chases; a recognised chasing call re-grades the incident to its need and it overtakes', () => {
    let h: Harness | undefined;
    h = new Harness(scenarioWith(dispatchSpec([area('A', 1)], { chasePerHour: 6 }), grading), {
      hooks: {
        // The model's part: the chasing call is handled 2 minutes after it is offered.
        offerChasingCall: (channel, at, incidentId, caller) => {
          h!.chases.push({ channel: h!.scenario.channels[channel].name, at, incidentId, caller });
          h!.sim.schedule(at + 2 * MIN, () => h!.centre.callHandled(caller, at, at, true), null);
        },
      },
    });
    h.handAt(0, 'immediate', 0, 600 * MIN); // the unit is busy for 10 hours
    h.handAt(1 * MIN, 'priority', 0, 10 * MIN); // graded right
    const missed = h.handAt(2 * MIN, 'immediate', 0, 10 * MIN);
    missed.uThrive = 0.9; // THRIVE not done: under-graded to Priority
    missed.uUndergrade = 0;
    h.run(20 * 3600);
    expect(missed.given).toBe('priority');
    const firstChase = h.chases.find((c) => c.incidentId === 2);
    expect(firstChase).toBeDefined();
    expect(firstChase!.channel).toBe('999');
    expect(firstChase!.caller.repeat).toBe(true);
    expect(h.monitor.upgrades).toEqual([{ area: 0, at: firstChase!.at + 2 * MIN, from: 'priority', to: 'immediate' }]);
    // Re-graded to Immediate, the under-graded incident is attended before the older Priority one.
    expect(h.monitor.attended().map((r) => [r.needed, r.given, r.at / MIN])).toEqual([
      ['immediate', 'immediate', 0], ['immediate', 'immediate', 600], ['priority', 'priority', 610],
    ]);
    // No chasing call after the incident is attended.
    for (const c of h.chases) expect(c.at).toBeLessThan(c.incidentId === 2 ? 600 * MIN : 610 * MIN);
  });

  it('an unrecognised chasing call changes nothing', () => {
    let h: Harness | undefined;
    h = new Harness(scenarioWith(dispatchSpec([area('A', 1)], { chasePerHour: 6 }), { ...grading, recogniseRepeat: 0 }), {
      hooks: { offerChasingCall: (_ch, at, _id, caller) => h!.sim.schedule(at + 60, () => h!.centre.callHandled(caller, at, at, true), null) },
    });
    h.handAt(0, 'immediate', 0, 100 * MIN);
    const missed = h.handAt(1 * MIN, 'immediate', 0, 10 * MIN);
    missed.uThrive = 0.9;
    missed.uUndergrade = 0;
    h.run(10 * 3600);
    expect(h.monitor.upgrades).toEqual([]);
    expect(h.monitor.attended().map((r) => r.given)).toEqual(['immediate', 'priority']);
  });

  it('chasing calls go to chaseChannel when given', () => {
    const h = new Harness(scenarioWith(dispatchSpec([area('A', 0)], { chasePerHour: 60, chaseChannelIndex: 1 })));
    h.handAt(0, 'priority', 0, 10 * MIN);
    h.run(3600);
    expect(h.chases.length).toBeGreaterThan(10);
    expect(new Set(h.chases.map((c) => c.channel))).toEqual(new Set(['101']));
  });
});

describe('re-grading while waiting', () => {
  it('upgrades raise an under-graded incident to its need, and a rightly graded one by one grade; none after attendance', () => {
    const h = new Harness(scenarioWith(dispatchSpec([area('A', 1)], { upgradePerHour: 1 }), grading));
    h.handAt(0, 'immediate', 0, 2000 * MIN);
    h.handAt(1 * MIN, 'priority', 0, 10 * MIN);
    const missed = h.handAt(2 * MIN, 'immediate', 0, 10 * MIN);
    missed.uThrive = 0.9;
    missed.uUndergrade = 0;
    h.run(3000 * 60);
    // Both waiting incidents (given Priority) are upgraded to Immediate before the unit frees at 2000 min
    // (each with probability 1 - e^-33: certain for this seed).
    expect(h.monitor.upgrades.map((u) => [u.from, u.to])).toEqual([['priority', 'immediate'], ['priority', 'immediate']]);
    for (const u of h.monitor.upgrades) expect(u.at).toBeLessThan(2000 * MIN);
    expect(h.monitor.attended().map((r) => [r.needed, r.given])).toEqual([
      ['immediate', 'immediate'], ['priority', 'immediate'], ['immediate', 'immediate'],
    ]);
  });
});

describe('victim updates', () => {
  const spec = (queue?: string) => dispatchSpec([area('A', 1)], { victimUpdates: queue ? { queueIndex: ['999', '101'].indexOf(queue), handleSeconds: { fixed: 300 } } : undefined });

  it('an update falls due when the wait passes the target; made before attendance it counts as made', () => {
    const h = new Harness(scenarioWith(spec('101')));
    h.handAt(0, 'immediate', 0, 120 * MIN);
    h.handAt(0, 'priority', 0, 10 * MIN);
    h.sim.schedule(65 * MIN, () => h.centre.victimUpdateMade(h.victimIncidents[0]), null);
    h.run(300 * MIN);
    expect(h.victimWork).toEqual([{ queue: '101', handleSeconds: 300, at: 60 * MIN, incidentId: 1 }]);
    expect(h.monitor.victimUpdates.map((v) => [v.at / MIN, v.made])).toEqual([[60, false], [65, true]]);
  });

  it('an update made after the unit arrived is missed (no made record)', () => {
    const h = new Harness(scenarioWith(spec('101')));
    h.handAt(0, 'immediate', 0, 90 * MIN);
    h.handAt(0, 'priority', 0, 10 * MIN);
    h.sim.schedule(95 * MIN, () => h.centre.victimUpdateMade(h.victimIncidents[0]), null);
    h.run(300 * MIN);
    expect(h.monitor.victimUpdates.map((v) => [v.at / MIN, v.made])).toEqual([[60, false]]);
  });

  it('without a queue, updates are owed and counted, and no handler work is asked for', () => {
    const h = new Harness(scenarioWith(spec()));
    h.handAt(0, 'immediate', 0, 90 * MIN);
    h.handAt(0, 'immediate', 0, 10 * MIN); // waits 90 min: owed at 15
    h.handAt(0, 'priority', 0, 10 * MIN); // waits 100 min: owed at 60
    h.handAt(0, 'priority', 0, 10 * MIN); // waits 110 min: owed at 60
    h.run(300 * MIN);
    expect(h.victimWork).toEqual([]);
    expect(h.monitor.victimUpdates.map((v) => [v.at / MIN, v.made])).toEqual([[15, false], [60, false], [60, false]]);
  });

  it('an incident whose unit is diverted away waits again and may then owe an update', () => {
    const h = new Harness(scenarioWith(dispatchSpec([area('A', 1)], { divertFromPriority: true })));
    h.handAt(0, 'priority', 20 * MIN, 10 * MIN); // its unit would arrive at 20, well within 60
    h.handAt(5 * MIN, 'immediate', 4 * MIN, 100 * MIN); // takes that unit until 109
    h.run(300 * MIN);
    expect(h.monitor.victimUpdates.map((v) => [v.at / MIN, v.made])).toEqual([[60, false]]);
    expect(h.monitor.attended().map((r) => [r.given, r.at / MIN])).toEqual([['immediate', 9], ['priority', 129]]);
  });

  it('an incident attended within its target owes no update', () => {
    const h = new Harness(scenarioWith(spec('101')));
    h.handAt(0, 'priority', 59 * MIN, 10 * MIN);
    h.run(300 * MIN);
    expect(h.monitor.victimUpdates).toEqual([]);
  });
});
