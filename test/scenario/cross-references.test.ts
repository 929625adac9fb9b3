import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/experiment/load-scenario.js';
import type { ResolvedScenario } from '../../src/model/resolved.js';

/** Every committed scenario file (examples, what-ifs, the baseline). */
const FILES = ['scenarios', 'scenarios/examples', 'scenarios/what-if'].flatMap((dir) =>
  readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && !f.includes('.targets.')).map((f) => join(dir, f)));

/**
 * The model looks nothing up by name: each reference the scenario layer resolves is an index that
 * points at the item of that name. Returns the references that do not.
 */
function badReferences(s: ResolvedScenario): string[] {
  const out: string[] = [];
  const queue = (i: number, name: string | undefined, at: string): void => {
    if (!(i >= 0 && i < s.queues.length) || (name !== undefined && s.queues[i].name !== name)) out.push(`${at}: queue index ${i}${name === undefined ? '' : ` for ${name}`}`);
  };
  s.channels.forEach((c, ci) => {
    queue(c.queueIndex, c.queue, `channels[${ci}].queueIndex`);
    c.ivr?.onward.forEach((r, j) => queue(r.queueIndex, undefined, `channels[${ci}].ivr.onward[${j}]`));
  });
  if (s.switchboard !== undefined) {
    queue(s.switchboard.queueIndex, undefined, 'switchboard.queueIndex');
    s.switchboard.routes.forEach((r, j) => {
      if (r.queueIndex !== -1) queue(r.queueIndex, undefined, `switchboard.routes[${j}]`);
    });
  }
  s.handlers.pools.forEach((p, pi) => {
    if (p.queueIndices.length !== p.serves.length) out.push(`handlers.pools[${pi}]: ${p.queueIndices.length} indices for ${p.serves.length} queues`);
    p.queueIndices.forEach((q, j) => queue(q, p.serves[j], `handlers.pools[${pi}].queueIndices[${j}]`));
  });
  if (s.handlers.handleSecondsByQueue.length !== s.queues.length) out.push('handlers.handleSecondsByQueue: not one entry per queue');
  s.queues.forEach((q, i) => {
    if (JSON.stringify(s.handlers.handleSecondsByQueue[i] ?? null) !== JSON.stringify(s.handlers.handleSeconds[q.name] ?? null)) out.push(`handlers.handleSecondsByQueue[${i}] differs from handleSeconds.${q.name}`);
  });
  const areas = s.dispatch?.areas ?? [];
  areas.forEach((a, ai) => a.neighbours.forEach((n, j) => {
    if (!(n >= 0 && n < areas.length && n !== ai)) out.push(`dispatch.areas[${ai}].neighbours[${j}]: area index ${n}`);
  }));
  const chase = s.dispatch?.chaseChannelIndex;
  if (chase !== undefined && !(chase >= 0 && chase < s.channels.length)) out.push(`dispatch.chaseChannelIndex ${chase}`);
  const victimQueue = s.dispatch?.victimUpdates?.queueIndex;
  if (victimQueue !== undefined) queue(victimQueue, undefined, 'dispatch.victimUpdates.queueIndex');
  if (s.grading !== undefined) {
    if (s.grading.needByChannel.length !== s.channels.length) out.push('grading.needByChannel: not one entry per channel');
    if (s.grading.needByQueue.length !== s.queues.length) out.push('grading.needByQueue: not one entry per queue');
  }
  s.trace?.forEach((row, r) => {
    if (s.channels[row.channelIndex]?.name !== row.channel) out.push(`trace[${r}]: channel index ${row.channelIndex} for ${row.channel}`);
    if (row.areaIndex >= 0 ? areas[row.areaIndex]?.name !== row.area : row.area !== undefined && row.area !== '') out.push(`trace[${r}]: area index ${row.areaIndex} for ${row.area}`);
  });
  return out;
}

describe('the resolved scenario refers by index', () => {
  it('finds the committed scenario files', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of FILES) {
    it(`${file}: every cross-reference is an index to the item it names`, () => {
      const { resolved } = loadScenario(file);
      expect(badReferences(resolved)).toEqual([]);
    });
  }

  it('the check catches a wrong index', () => {
    const { resolved } = loadScenario('scenarios/examples/two-queue.yaml');
    const broken: ResolvedScenario = { ...resolved, handlers: { ...resolved.handlers, pools: resolved.handlers.pools.map((p) => ({ ...p, queueIndices: p.queueIndices.map((q) => (q + 1) % resolved.queues.length) })) } };
    expect(badReferences(broken).length).toBeGreaterThan(0);
  });
});
