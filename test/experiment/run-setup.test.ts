/**
 * The results' `setup` block: rosters by named shift with local start times, changes applied as
 * the command prints them, features read from the resolved scenario; and the monthly attendance
 * series it lets the briefing chart.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/experiment/load-scenario.js';
import { runScenario } from '../../src/experiment/run-scenario.js';
import { runSetup, scenarioFeatures } from '../../src/experiment/run-setup.js';

describe('run setup', () => {
  it('baseline: period on the room clock, named shifts per pool and the switchboard, features used', () => {
    const { resolved } = loadScenario('scenarios/avon-somerset-2022.yaml');
    const s = runSetup(resolved, ['101 late shift: 5 -> 7 handlers']);
    expect(s.start).toBe('2022-01-01T00:00:00.000Z');
    // 243 days on the room clock end at midnight BST: an hour short of 243 x 24 h.
    expect(s.end).toBe('2022-08-31T23:00:00.000Z');
    expect(s.timeZone).toBe('Europe/London');
    expect(s.changes).toEqual(['101 late shift: 5 -> 7 handlers']);
    expect(s.rosters.map((r) => r.pool)).toEqual(['emergency', 'non-emergency', 'non-emergency-cover', 'switchboard']);
    const late = s.rosters[1].shifts.find((x) => x.name === 'late');
    expect(late).toEqual({ from: null, name: 'late', start: '15:00', hours: 8, days: null, staff: 3 });
    expect(s.rosters[1].shifts.find((x) => x.name === 'office')?.days).toEqual(['Mon', 'Tue', 'Wed', 'Thu']);
    expect(s.uses).toMatchObject({ switchboard: true, dispatch: true, victimUpdates: true, callbackQueues: [], ivrChannels: ['101'] });
  });

  it('the callback what-if uses callbacks on the secondary queue only', () => {
    const { resolved } = loadScenario('scenarios/what-if/secondary-callback.yaml');
    expect(scenarioFeatures(resolved).callbackQueues).toEqual(['secondary']);
  });

  it('changes from --set are carried as the lines the command prints', () => {
    const loaded = loadScenario('scenarios/avon-somerset-2022.yaml', { sets: ['handlers.pools.non-emergency.shifts.late.staff+=2'] });
    const s = runSetup(loaded.resolved, loaded.changes);
    expect(s.changes).toEqual(loaded.changes);
    expect(s.changes).toHaveLength(1);
    expect(s.rosters[1].shifts.find((x) => x.name === 'late')?.staff).toBe(5);
  });

  it('monthly attendance within the time frame: each month a share, the whole period between the best and worst month', () => {
    const { resolved } = loadScenario('scenarios/avon-somerset-2022.yaml', { sets: ['horizon.days=59', 'channels.999.surges=[]', 'channels.101.surges=[]'] });
    const r = runScenario(resolved, { replications: 1 });
    expect(r.setup?.horizonDays).toBe(59);
    for (const grade of ['immediate', 'priority']) {
      const s = r.series[`incidents.${grade}.all.withinTarget.byMonth`];
      expect(s.keys).toEqual(['2022-01', '2022-02']);
      const months = s.mean as number[];
      for (const x of months) {
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(1);
      }
      // One replication: the period's share is the attended-weighted mean of the months'.
      const whole = r.metrics[`incidents.${grade}.all.withinTarget`].mean as number;
      expect(whole).toBeGreaterThanOrEqual(Math.min(...months));
      expect(whole).toBeLessThanOrEqual(Math.max(...months));
    }
  });
});
