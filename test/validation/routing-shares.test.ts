import { describe, expect, it } from 'vitest';
import { StreamFactory } from '../../src/engine/random.js';
import { ControlRoom } from '../../src/model/control-room.js';
import type { ResolvedScenario } from '../../src/model/resolved.js';
import { makeQueueSelector } from '../../src/policies/queue-selection.js';
import { wilson } from '../support/binomial.js';
import { RecordingMonitor } from '../support/recording-monitor.js';

/**
 * Every routing probability of a 101 line, checked against its stated value by a 99.9% Wilson
 * interval on the counted share. Probabilities are away from 0 and 1 (the existing tests cover
 * those ends); each count is large enough that the interval's half-width is under 0.01 (asserted),
 * so a routing error of a point is seen.
 */
const IVR = { deflected: 0.23, hangUp: 0.07, onward: [{ queueIndex: 0, probability: 0.7 }] };
const ROUTES = { resolved: 0.35, primary: 0.4, secondary: 0.25 };
const CALLBACK = { offerAfterSeconds: 120, acceptProbability: 0.6, reachProbability: 0.8, failedAttemptSeconds: { fixed: 30 } };
const REDIAL = { probability: 0.6, delaySeconds: { fixed: 300 } };
const HOURS = 4500;

const scenario: ResolvedScenario = {
  name: 'routing shares',
  start: '2022-03-01T00:00:00Z',
  startEpochMs: Date.parse('2022-03-01T00:00:00Z'),
  horizonSeconds: HOURS * 3600,
  warmupSeconds: 0,
  replications: 1,
  seed: 23,
  channels: [{ name: '101', rate: { perHour: 120 }, dayBusynessCv: 0, surges: [], queueIndex: 0, queue: 'switchboard', ivr: { menuSeconds: { uniform: [20, 60] }, ...IVR } }],
  queues: [
    { name: 'switchboard', targetSeconds: 40 },
    { name: 'primary', targetSeconds: 120, patienceSeconds: { exponential: { mean: 200 } }, redial: REDIAL },
    { name: 'secondary', targetSeconds: 600, patienceSeconds: { exponential: { mean: 400 } }, callback: CALLBACK },
  ],
  switchboard: {
    queueIndex: 0, staff: { constant: 3 }, handleSeconds: { exponential: { mean: 60 } },
    routes: [{ queueIndex: -1, probability: ROUTES.resolved }, { queueIndex: 1, probability: ROUTES.primary }, { queueIndex: 2, probability: ROUTES.secondary }],
  },
  handlers: {
    pools: [{ name: 'handlers', queueIndices: [1, 2], serves: ['primary', 'secondary'], roster: { constant: 4 } }],
    handleSecondsByQueue: [null, { exponential: { mean: 300 } }, { exponential: { mean: 300 } }],
    handleSeconds: { primary: { exponential: { mean: 300 } }, secondary: { exponential: { mean: 300 } } },
  },
  policy: { queueSelection: { kind: 'strictPriority', order: ['primary', 'secondary'] } },
};

function share(label: string, successes: number, trials: number, stated: number): void {
  const w = wilson(successes, trials);
  const line = `${label}: ${successes}/${trials} = ${successes / trials}, 99.9% interval [${w.lo}, ${w.hi}], stated ${stated}`;
  expect(w.halfWidth, line).toBeLessThan(0.01);
  expect(stated, line).toBeGreaterThanOrEqual(w.lo);
  expect(stated, line).toBeLessThanOrEqual(w.hi);
}

describe('routing shares against their stated probabilities (99.9% binomial intervals)', () => {
  const monitor = new RecordingMonitor();
  new ControlRoom(scenario, new StreamFactory(scenario.seed, 0), monitor, { queueSelector: makeQueueSelector }).run();
  const ended = monitor.ended.filter((r) => r.outcome !== 'open');

  it('IVR: deflected, hung up, onward', () => {
    // Every call (first calls and redials) passes the IVR and draws its outcome there.
    const inIvr = ended.length;
    share('deflected', ended.filter((r) => r.outcome === 'deflected').length, inIvr, IVR.deflected);
    share('hung up in the IVR', ended.filter((r) => r.outcome === 'ivrHangUp').length, inIvr, IVR.hangUp);
  });

  it('switchboard routes: resolved, primary, secondary', () => {
    const answered = new Set(monitor.left.filter((r) => r.queue === 'switchboard' && r.outcome === 'answered').map((r) => r.callId));
    const routed = ended.filter((r) => answered.has(r.id));
    const resolved = routed.filter((r) => r.outcome === 'resolved').length;
    const entered = new Map(monitor.entered.filter((r) => r.queue !== 'switchboard').map((r) => [r.callId, r.queue]));
    const primary = routed.filter((r) => entered.get(r.id) === 'primary').length;
    const secondary = routed.filter((r) => entered.get(r.id) === 'secondary').length;
    expect(resolved + primary + secondary).toBe(routed.length);
    share('resolved at the switchboard', resolved, routed.length, ROUTES.resolved);
    share('routed to primary', primary, routed.length, ROUTES.primary);
    share('routed to secondary', secondary, routed.length, ROUTES.secondary);
  });

  it('callbacks: accepted by callers still waiting at the offer; reached when called back', () => {
    // A caller is offered a callback when still waiting after offerAfterSeconds: those who left later.
    const secondary = monitor.left.filter((r) => r.queue === 'secondary' && r.outcome !== 'open');
    const offered = secondary.filter((r) => r.at - r.enteredAt > CALLBACK.offerAfterSeconds).length;
    const accepted = monitor.callbacks.length;
    share('callback accepted', accepted, offered, CALLBACK.acceptProbability);
    const reached = secondary.filter((r) => r.outcome === 'callbackReached').length;
    const failed = secondary.filter((r) => r.outcome === 'callbackFailed').length;
    share('callback reached', reached, reached + failed, CALLBACK.reachProbability);
  });

  it('redials: the share of primary abandoners who call again', () => {
    // Only abandonments early enough for the redial to fall inside the horizon can redial.
    const last = scenario.horizonSeconds - REDIAL.delaySeconds.fixed;
    const abandoned = monitor.left.filter((r) => r.queue === 'primary' && r.outcome === 'abandoned' && r.at < last);
    const redialled = new Set(monitor.redials.filter((r) => r.queue === 'primary' && r.at < last).map((r) => r.callId));
    const abandonedIds = new Set(abandoned.map((r) => r.callId));
    expect([...redialled].every((id) => abandonedIds.has(id))).toBe(true);
    share('redial', redialled.size, abandoned.length, REDIAL.probability);
    // And the redials arrive as new calls: one per scheduled redial.
    expect(monitor.ended.filter((r) => r.redialOf >= 0).length).toBe(monitor.redials.length);
  });
});
