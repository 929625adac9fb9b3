/**
 * Which measures belong to features the scenario does not use (victim updates, callbacks, an IVR,
 * the switchboard, dispatch...): reports leave them out. Decided from the resolved scenario's
 * features (`Results.setup.uses`), never from a zero value; results without `setup` (merged from
 * shards, older files) keep every measure.
 */
import { metricFamily, parseMetricName, parseSeriesName } from '../metrics/metric-names.js';
import type { Results, ScenarioFeatures } from '../metrics/results.js';

/** True when the measure (a metric or series name) is about a feature the scenario uses. */
export function measureUsed(name: string, uses: ScenarioFeatures | undefined): boolean {
  if (uses === undefined) return true;
  const metric = parseSeriesName(name)?.metric ?? name;
  const m = parseMetricName(metric);
  switch (m.kind) {
    case 'queue':
      if (metricFamily(m.measure) === 'callbacks') return uses.callbackQueues.includes(m.queue);
      if (m.measure === 'redials') return uses.redialQueues.includes(m.queue);
      if (metricFamily(m.measure) === 'abandonWaitSeconds') return uses.patienceQueues.includes(m.queue);
      return true;
    case 'channel':
      if (m.measure === 'deflected' || m.measure === 'ivrHangUp') return uses.ivrChannels.includes(m.channel);
      if (m.measure === 'callbackFailed') return uses.callbackQueues.length > 0;
      if (m.measure === 'resolved') return uses.switchboard;
      return true;
    case 'switchboard':
      return uses.switchboard;
    case 'incident':
    case 'area':
      return uses.dispatch;
    case 'pool':
      return true;
    case 'other':
      switch (m.family) {
        case 'victimUpdates':
          return uses.victimUpdates;
        case 'grading':
          return m.name === 'grading.upgraded' ? uses.upgrades : uses.grading;
        case 'incidents':
        case 'incidentsByNeed':
        case 'units':
        case 'dispatch':
          return uses.dispatch;
        case 'calls':
          return m.name === 'calls.uniqueCallers' ? uses.redialQueues.length > 0 : true;
        default:
          return true;
      }
  }
}

/** The names among `names` that the results' scenario uses (all of them without `setup`). */
export function usedMeasures(results: Results, names: readonly string[]): string[] {
  return names.filter((n) => measureUsed(n, results.setup?.uses));
}

/** The names among `names` that any of the scenarios uses (a comparison shows a feature one side adds). */
export function usedInAny(scenarios: readonly Results[], names: readonly string[]): string[] {
  return names.filter((n) => scenarios.some((s) => measureUsed(n, s.setup?.uses)));
}
