import { describe, expect, it } from 'vitest';
import { makeDistribution } from '../../src/engine/distributions.js';
import { StreamFactory } from '../../src/engine/random.js';
import { CallerFactory } from '../../src/model/caller-factory.js';
import { IVR_DEFLECTED, IVR_HANG_UP, IvrMenu } from '../../src/model/ivr.js';
import type { ResolvedScenario } from '../../src/model/resolved.js';
import { RoomPlan } from '../../src/model/room-plan.js';
import { SwitchboardRoutes } from '../../src/model/switchboard.js';

/** 999 straight to its queue; 101 through the IVR to the switchboard, then primary or resolved. Fixed times tell the visits apart. */
const scenario: ResolvedScenario = {
  name: 'journey', start: '2022-01-03T00:00:00Z', startEpochMs: Date.parse('2022-01-03T00:00:00Z'), horizonSeconds: 86_400, warmupSeconds: 0, replications: 1, seed: 5,
  channels: [
    { name: '999', rate: { perHour: 10 }, dayBusynessCv: 0, surges: [], queueIndex: 0, queue: '999', btTransferSeconds: { fixed: 4 } },
    { name: '101', rate: { perHour: 10 }, dayBusynessCv: 0, surges: [], queueIndex: 1, queue: 'switchboard', ivr: { menuSeconds: { fixed: 50 }, deflected: 0, hangUp: 0, onward: [{ queueIndex: 1, probability: 1 }] } },
  ],
  queues: [
    { name: '999', targetSeconds: 10, patienceSeconds: { fixed: 100 } },
    { name: 'switchboard', targetSeconds: 60, patienceSeconds: { fixed: 200 } },
    { name: 'primary', targetSeconds: 120, patienceSeconds: { fixed: 300 } },
  ],
  switchboard: { queueIndex: 1, staff: { constant: 1 }, handleSeconds: { fixed: 30 }, wrapUpSeconds: { fixed: 5 }, routes: [{ queueIndex: 2, probability: 0.5 }, { queueIndex: -1, probability: 0.5 }] },
  handlers: {
    pools: [{ name: 'h', queueIndices: [0, 2], serves: ['999', 'primary'], roster: { constant: 2 } }],
    handleSecondsByQueue: [{ fixed: 240 }, null, { fixed: 360 }],
    handleSeconds: { '999': { fixed: 240 }, primary: { fixed: 360 } },
    wrapUpSeconds: { fixed: 20 },
  },
  policy: { queueSelection: { kind: 'strictPriority', order: ['999', 'primary'] } },
};

function factory(channel: number, prefix = scenario.channels[channel].name, streams = new StreamFactory(scenario.seed, 0)): CallerFactory {
  const plan = new RoomPlan(scenario);
  return new CallerFactory(scenario.channels[channel], channel, streams, prefix, plan.draws, plan.btTransfer[channel], plan.ivr[channel], plan.routes, 0);
}

describe('a call carries the visits drawn at arrival', () => {
  it('a 999 call: BT transfer, one visit to the 999 queue with its patience, handle and wrap-up', () => {
    const call = factory(0).create(0, 10, -1, -1);
    expect(call.transferSeconds).toBe(4);
    expect(call.routedVisit).toBeNull();
    expect([call.entryVisit.queueIndex, call.entryVisit.patienceSeconds, call.entryVisit.handleSeconds, call.entryVisit.wrapUpSeconds]).toEqual([0, 100, 240, 20]);
    expect([call.patienceSeconds, call.handleSeconds, call.plannedLastQueue]).toEqual([100, 240, 0]);
  });

  it('a 101 call: the IVR menu, a switchboard visit, and a primary visit when the operator routes it on', () => {
    const f = factory(1);
    const calls = Array.from({ length: 200 }, (_, k) => f.create(k, 0, -1, -1));
    for (const call of calls) {
      expect(call.ivrSeconds).toBe(50);
      expect([call.entryVisit.queueIndex, call.entryVisit.patienceSeconds, call.entryVisit.handleSeconds, call.entryVisit.wrapUpSeconds]).toEqual([1, 200, 30, 5]);
      if (call.routedVisit !== null) expect([call.routedVisit.queueIndex, call.routedVisit.patienceSeconds, call.routedVisit.handleSeconds, call.routedVisit.wrapUpSeconds]).toEqual([2, 300, 360, 20]);
      expect(call.plannedLastQueue).toBe(call.routedVisit === null ? 1 : 2);
    }
    // Routes 50/50 (binomial, 200 calls: within 4.5 standard deviations of 100).
    const routed = calls.filter((c) => c.routedVisit !== null).length;
    expect(Math.abs(routed - 100)).toBeLessThan(4.5 * Math.sqrt(50));
  });

  it('a replayed patience applies to every visit, a replayed handle time to the last', () => {
    const f = factory(1);
    const calls = Array.from({ length: 20 }, (_, k) => f.create(k, 0, -1, -1, { arrivalSeconds: 0, channel: '101', channelIndex: 1, areaIndex: -1, patienceSeconds: 7, handleSeconds: 9 }));
    const routed = calls.find((c) => c.routedVisit !== null)!;
    const resolved = calls.find((c) => c.routedVisit === null)!;
    expect([routed.entryVisit.patienceSeconds, routed.routedVisit!.patienceSeconds, routed.entryVisit.handleSeconds, routed.routedVisit!.handleSeconds]).toEqual([7, 7, 30, 9]);
    expect([resolved.entryVisit.patienceSeconds, resolved.entryVisit.handleSeconds]).toEqual([7, 9]);
  });

  it('redials draw from their own streams: the first callers are the same with or without them', () => {
    const path = (c: ReturnType<CallerFactory['create']>): number[] => [c.routedVisit?.queueIndex ?? -1, c.entryVisit.handleSeconds];
    const lone = factory(1);
    const alone = Array.from({ length: 30 }, (_, k) => path(lone.create(k, 0, -1, -1)));
    const streams = new StreamFactory(scenario.seed, 0);
    const first = factory(1, '101', streams);
    const redial = factory(1, '101.redial', streams);
    const mixed = Array.from({ length: 30 }, (_, k) => {
      redial.create(1000 + k, 0, k, -1);
      return path(first.create(k, 0, -1, -1));
    });
    expect(mixed).toEqual(alone);
    expect(new Set(alone.map((p) => p[0])).size).toBe(2);
  });
});

describe('IVR menu and switchboard routes', () => {
  it('the IVR sends a uniform draw to deflection, hang-up or a queue by cumulative probability', () => {
    const ivr = new IvrMenu({ menuSeconds: { fixed: 1 }, deflected: 0.2, hangUp: 0.1, onward: [{ queueIndex: 1, probability: 0.7 }] }, makeDistribution({ fixed: 1 }));
    expect([0, 0.19, 0.2, 0.29, 0.31, 0.999].map((u) => ivr.choose(u))).toEqual([IVR_DEFLECTED, IVR_DEFLECTED, IVR_HANG_UP, IVR_HANG_UP, 1, 1]);
  });

  it('switchboard routes pick a queue or -1 (resolved) by cumulative probability', () => {
    const routes = new SwitchboardRoutes(1, [{ queueIndex: 2, probability: 0.3 }, { queueIndex: -1, probability: 0.7 }]);
    expect([0, 0.29, 0.3, 0.999].map((u) => routes.pick(u))).toEqual([2, 2, -1, -1]);
  });
});
