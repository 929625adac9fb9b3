/**
 * `run` (table): when the scenario is a single stationary M/M/c or M/M/c+M queue (one channel at
 * a constant rate straight into one queue, one pool at a constant headcount, exponential handling
 * without wrap-up, exponential or no patience), the Erlang C / Erlang A figures beside the
 * simulated ones, so a user sees the model agree with theory (or a warm-up that is too short).
 * Any other scenario: nothing.
 */
import { erlangA } from '../metrics/analytical/erlang-a.js';
import { mmc } from '../metrics/analytical/erlang-c.js';
import type { Results } from '../metrics/results.js';
import type { ResolvedScenario } from '../model/resolved.js';

const expMean = (spec: unknown): number | null => {
  const e = (spec as { exponential?: { mean?: unknown } } | undefined)?.exponential;
  return typeof e?.mean === 'number' && Object.keys(spec as object).length === 1 ? e.mean : null;
};

function constantHeadcount(roster: unknown): number | null {
  if (typeof roster === 'number') return roster;
  const c = (roster as { constant?: unknown } | null)?.constant;
  return typeof c === 'number' ? c : null;
}

export function erlangBeside(scenario: ResolvedScenario, results: Results): string {
  if (scenario.channels.length !== 1 || scenario.queues.length !== 1 || scenario.handlers.pools.length !== 1) return '';
  const [ch] = scenario.channels;
  const [q] = scenario.queues;
  const [pool] = scenario.handlers.pools;
  const rate = ch.rate;
  const shaped = rate.hourOfDay !== undefined || rate.dayOfWeek !== undefined || rate.month !== undefined || rate.hourOfWeek !== undefined;
  if (shaped || ch.dayBusynessCv !== 0 || ch.surges.length > 0 || ch.ivr !== undefined || ch.btTransferSeconds !== undefined || ch.queueIndex !== 0) return '';
  if (scenario.switchboard !== undefined || scenario.trace !== undefined || q.callback !== undefined || q.redial !== undefined || scenario.handlers.wrapUpSeconds !== undefined) return '';
  const servers = constantHeadcount(pool.roster);
  const handle = expMean(scenario.handlers.handleSecondsByQueue[0]);
  const patience = q.patienceSeconds === undefined ? undefined : expMean(q.patienceSeconds);
  if (servers === null || servers < 1 || handle === null || patience === null || !(rate.perHour > 0)) return '';
  const lambda = rate.perHour / 3600;
  const mu = 1 / handle;
  const m = (name: string): string => {
    const s = results.metrics[`queues.${q.name}.${name}`];
    return s === undefined || s.mean === null || !Number.isFinite(s.mean) ? 'n/a' : `${(s.mean * 100).toFixed(2)}%${s.ci95 !== null && Number.isFinite(s.ci95) ? ` ± ${(s.ci95 * 100).toFixed(2)}%` : ''}`;
  };
  const pct = (v: number): string => `${(v * 100).toFixed(2)}%`;
  const lines: string[] = [];
  if (patience === undefined) {
    if (!(lambda < servers * mu)) return '';
    const e = mmc(lambda, mu, servers, q.targetSeconds);
    lines.push(`Erlang C (stationary M/M/${servers}: ${rate.perHour} calls an hour, mean handle ${handle} s):`);
    lines.push(`  queues.${q.name}.serviceLevel     Erlang C ${pct(e.serviceLevel)}   simulated ${m('serviceLevel')}`);
  } else {
    const e = erlangA(lambda, mu, servers, 1 / patience, q.targetSeconds);
    lines.push(`Erlang A (stationary M/M/${servers}+M: ${rate.perHour} calls an hour, mean handle ${handle} s, mean patience ${patience} s):`);
    lines.push(`  queues.${q.name}.serviceLevel     Erlang A ${pct(e.serviceLevel)}   simulated ${m('serviceLevel')}`);
    lines.push(`  queues.${q.name}.abandonedRatio   Erlang A ${pct(e.abandonProbability)}   simulated ${m('abandonedRatio')}`);
  }
  return `\n${lines.join('\n')}\n`;
}
