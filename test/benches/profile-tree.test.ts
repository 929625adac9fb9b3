import { describe, expect, it } from 'vitest';
import { type CpuProfile, summarise } from '../../benches/profile-tree.js';
import { layerOf, moduleOf, stageOfFrame } from '../../benches/stage-map.js';

const url = (module: string): string => `file:///repo/dist/src/${module}.js`;

/**
 * (root) -> bench -> runReplication -> ControlRoom.run -> Simulator.run -> onTalkEnd -> sample,
 * with the garbage collector beside the bench. Node ids 1-7.
 */
function profile(samples: Array<[node: number, microseconds: number]>): CpuProfile {
  const frame = (functionName: string, u: string) => ({ functionName, url: u });
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 7] },
      { id: 2, callFrame: frame('measure', 'file:///repo/dist/benches/stages.js'), children: [3] },
      { id: 3, callFrame: frame('runReplication', url('experiment/run-replication')), children: [4] },
      { id: 4, callFrame: frame('run', url('model/control-room')), children: [5] },
      { id: 5, callFrame: frame('run', url('engine/simulator')), children: [6] },
      { id: 6, callFrame: frame('onTalkEnd', url('model/handler-pools')), children: [8] },
      { id: 7, callFrame: frame('(garbage collector)', '') },
      { id: 8, callFrame: frame('sample', url('engine/distributions')) },
    ],
    // A sample's time is the gap to the next one: the first delta is ignored, the last sample gets none.
    samples: [...samples.map(([node]) => node), 1],
    timeDeltas: [0, ...samples.map(([, t]) => t)],
  };
}

describe('the stages bench: summing a CPU profile', () => {
  it('charges a draw made while answering to answering, and the run loop to the engine', () => {
    const s = summarise(profile([[8, 300], [5, 100], [6, 100], [7, 500]]), 'runReplication', 0);
    const stage = Object.fromEntries(s.stages.map((p) => [p.name, p.microseconds]));
    expect(stage).toEqual({ 'answer and talk': 400, 'engine alone (run loop, event list)': 100, 'garbage collector': 500 });
    const layer = Object.fromEntries(s.layers.map((p) => [p.name, p.microseconds]));
    expect(layer).toEqual({ 'event list and run loop': 100, 'random draws': 300, model: 100, 'garbage collector': 500 });
    expect(s.totalMicroseconds).toBe(1000);
    expect(s.stages.reduce((a, p) => a + p.share, 0)).toBeCloseTo(1, 12);
    expect(s.functions[0]).toMatchObject({ name: '(garbage collector)', microseconds: 500 });
  });

  it('keeps every microsecond in the flame tree and folds boxes under the threshold into their caller', () => {
    const s = summarise(profile([[8, 30], [5, 900], [6, 20], [7, 50]]), 'runReplication', 0.04);
    const total = s.flame.reduce((a, n) => a + n.selfMicroseconds, 0);
    expect(total).toBe(1000);
    expect(s.flame[0]).toMatchObject({ name: 'all', totalMicroseconds: 1000, parent: null });
    // onTalkEnd (50 us, 5%) stays; its draw (30 us, 3%) is folded into it.
    const talk = s.flame.find((n) => n.name.startsWith('onTalkEnd'));
    expect(talk).toMatchObject({ selfMicroseconds: 50, totalMicroseconds: 50, stage: 'answer and talk' });
    expect(s.flame.some((n) => n.name.startsWith('sample'))).toBe(false);
    // The bench's own frames above the replication are not drawn; the collector hangs off the root.
    expect(s.flame.some((n) => n.name.startsWith('measure'))).toBe(false);
    expect(s.flame.find((n) => n.stage === 'garbage collector')?.parent).toBe(0);
  });

  it('names modules under dist/src and sorts frames into stages and layers', () => {
    expect(moduleOf(url('model/queue-stage'))).toBe('model/queue-stage');
    expect(moduleOf('file:///repo/node_modules/fastpriorityqueue/FastPriorityQueue.js')).toBe('engine/fastpriorityqueue');
    expect(moduleOf('node:internal/main')).toBe('');
    expect(stageOfFrame('model/queue-stage', 'abandon')).toBe('abandonment settlement');
    expect(stageOfFrame('model/queue-stage', 'enter')).toBe('queueing');
    expect(stageOfFrame('policies/queue-selection/strict-priority', '')).toBe('queueing');
    expect(stageOfFrame('model/dispatch/unit-dispatcher', 'send')).toBe('dispatch');
    expect(stageOfFrame('engine/random', 'refill')).toBeNull();
    expect(layerOf('vendor/seedrandom', 'XorGen')).toBe('random draws');
    expect(layerOf('engine/fastpriorityqueue', 'FastPriorityQueue.poll')).toBe('event list and run loop');
  });
});
