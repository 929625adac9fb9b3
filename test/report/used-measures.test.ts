/**
 * Measures of features a scenario does not use are left out of the text tables too, decided from
 * the resolved scenario's features (`setup.uses`), not from a zero value; without `setup` every
 * measure stays.
 */
import { describe, expect, it } from 'vitest';
import type { Results, ScenarioFeatures } from '../../src/metrics/results.js';
import { headlineNames } from '../../src/report/headline.js';
import { comparisonTable, resultsTable } from '../../src/report/table.js';
import { measureUsed } from '../../src/report/used-measures.js';
import { realComparisonFixture, realRunFixture } from './html/fixtures.js';

const NONE: ScenarioFeatures = {
  switchboard: false, dispatch: false, grading: false, victimUpdates: false, upgrades: false,
  ivrChannels: [], callbackQueues: [], redialQueues: [], patienceQueues: [], trace: false,
};

describe('measures of unused features', () => {
  it('are decided from the features, whatever the value', () => {
    expect(measureUsed('victimUpdates.missed', NONE)).toBe(false);
    expect(measureUsed('victimUpdates.missed', { ...NONE, victimUpdates: true })).toBe(true);
    expect(measureUsed('queues.secondary.callbacks.accepted', { ...NONE, callbackQueues: ['primary'] })).toBe(false);
    expect(measureUsed('queues.secondary.callbacks.accepted', { ...NONE, callbackQueues: ['secondary'] })).toBe(true);
    expect(measureUsed('channels.101.deflected', { ...NONE, ivrChannels: ['101'] })).toBe(true);
    expect(measureUsed('channels.999.deflected', { ...NONE, ivrChannels: ['101'] })).toBe(false);
    expect(measureUsed('incidents.immediate.urban.withinTarget', NONE)).toBe(false);
    expect(measureUsed('incidents.immediate.all.withinTarget.byMonth', { ...NONE, dispatch: true })).toBe(true);
    expect(measureUsed('switchboard.occupancy', NONE)).toBe(false);
    // The standards' measures belong to every scenario.
    expect(measureUsed('queues.999.answeredWithinTarget', NONE)).toBe(true);
    expect(measureUsed('queues.secondary.abandonedRatio', NONE)).toBe(true);
    expect(measureUsed('victimUpdates.missed', undefined)).toBe(true);
  });

  it('the text table with --metrics all has no victim-update or callback line for the baseline, though the values are there', () => {
    const r = realRunFixture();
    expect(r.metrics['victimUpdates.owed'].mean).toBeGreaterThan(0);
    const all = resultsTable(r, ['all']);
    expect(all).not.toContain('victimUpdates');
    expect(all).not.toContain('.callbacks.');
    expect(all).toContain('queues.secondary.abandonedRatio');
    expect(resultsTable(r, ['victimUpdates.*'])).not.toContain('victimUpdates.missed');
    // The same results without setup (merged from shards, older files) keep every line.
    const bare: Results = { ...r, setup: undefined };
    expect(resultsTable(bare, ['all'])).toContain('victimUpdates.missed');
  });

  it('the headline count of further measures counts only the used ones', () => {
    const r = realRunFixture();
    const shown = headlineNames(r).length;
    const used = Object.keys(r.metrics).filter((n) => measureUsed(n, r.setup?.uses)).length;
    expect(resultsTable(r)).toContain(`${used - shown} more measures`);
    expect(used).toBeLessThan(Object.keys(r.metrics).length);
  });

  it('a comparison keeps a measure either scenario uses', () => {
    const c = realComparisonFixture();
    const withCallback = { ...c, scenarios: [c.scenarios[0], { ...c.scenarios[1], setup: { ...c.scenarios[1].setup!, uses: { ...c.scenarios[1].setup!.uses, callbackQueues: ['secondary'] } } }] };
    expect(comparisonTable(c, ['all'])).not.toContain('queues.secondary.callbacks.accepted');
    expect(comparisonTable(withCallback, ['all'])).toContain('queues.secondary.callbacks.accepted');
  });
});
