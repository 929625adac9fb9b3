import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run-scenario.js';
import type { TraceCall } from '../../src/model/resolved.js';
import { loadScenario } from '../../src/experiment/load-scenario.js';
import { formatTrace, parseTrace, ScenarioError } from '../../src/scenario/index.js';

const START = Date.UTC(2022, 2, 7);
const CHANNELS = ['999', '101'];

describe('parseTrace', () => {
  it('reads ISO instants and seconds from the start, optional columns, and sorts stably by arrival', () => {
    const text = 'arrival,channel,handleSeconds,patienceSeconds,area,need\n' +
      '2022-03-07T00:01:00Z,999,300,,bristol,immediate\n' +
      '30,101,,120,,\n' +
      '60,101,,,,none\n' +
      '\n';
    expect(parseTrace(text, 't.csv', CHANNELS, START)).toEqual([
      { arrivalSeconds: 30, channel: '101', patienceSeconds: 120 },
      { arrivalSeconds: 60, channel: '999', handleSeconds: 300, area: 'bristol', need: 'immediate' },
      { arrivalSeconds: 60, channel: '101', need: 'none' },
    ]);
  });

  it('columns may come in any order and only arrival and channel are required', () => {
    expect(parseTrace('channel,arrival\n999,2.5\n', 't.csv', CHANNELS, START)).toEqual([{ arrivalSeconds: 2.5, channel: '999' }]);
  });

  it('reports every bad row with its line and column', () => {
    const text = 'arrival,channel,handleSeconds\n10,999,60\nyesterday,999,60\n20,112,60\n30,101,slow\n';
    let error: unknown;
    try {
      parseTrace(text, 'calls.csv', CHANNELS, START);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const lines = (error as ScenarioError).message.split('\n');
    expect(lines).toEqual([
      'calls.csv:3: column 1 (arrival): expected an ISO-8601 instant with a zone (2022-01-01T08:00:00Z) or seconds from the start, found "yesterday"',
      'calls.csv:4: column 2 (channel): expected a channel of the scenario (999, 101), found "112"',
      'calls.csv:5: column 3 (handleSeconds): expected a non-negative number of seconds, found "slow"',
    ]);
  });

  it('formatTrace and parseTrace round-trip exactly (property: parse(format(calls)) equals calls sorted)', () => {
    const call = fc.record(
      {
        arrivalSeconds: fc.double({ min: 0, max: 1e7, noNaN: true }),
        channel: fc.constantFrom('999', '101'),
        handleSeconds: fc.double({ min: 0, max: 1e5, noNaN: true }),
        patienceSeconds: fc.double({ min: 0, max: 1e5, noNaN: true }),
        area: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && !/[\r\n"]/.test(s)),
        need: fc.constantFrom('immediate', 'priority', 'scheduled', 'resolvedWithoutDeployment', 'none' as const),
      },
      { requiredKeys: ['arrivalSeconds', 'channel'] },
    );
    fc.assert(
      fc.property(fc.array(call, { maxLength: 20 }), (calls) => {
        const sorted = [...calls].sort((a, b) => a.arrivalSeconds - b.arrivalSeconds) as TraceCall[];
        expect(parseTrace(formatTrace(sorted, START), 'x.csv', CHANNELS, START)).toEqual(sorted);
      }),
      { numRuns: 200 },
    );
  });
});

describe('replay scenario', () => {
  it('scenarios/examples/replay.yaml replays every row of its trace', () => {
    const { resolved } = loadScenario('scenarios/examples/replay.yaml');
    expect(resolved.trace!.length).toBe(169);
    expect(resolved.channels.every((c) => c.rate.perHour === 0)).toBe(true);
    const results = runScenario(resolved, { replications: 1 });
    // no warm-up, and every logged call arrives inside the day
    const offered = resolved.trace!.filter((c) => c.channel === '999').length;
    expect(results.metrics['channels.999.offered'].mean).toBe(offered);
    expect(results.metrics['channels.101.offered'].mean).toBe(169 - offered);
  });

  it('options.traceFile replaces the scenario trace; a trace file problem names its line', () => {
    const { resolved } = loadScenario('scenarios/examples/mmc-abandonment.yaml', { traceFile: 'scenarios/examples/traces/sample-day.csv', sets: ['channels.101={perHour: 0, queue: "999"}'] });
    expect(resolved.trace!.length).toBe(169);
    expect(() => loadScenario('scenarios/examples/mmc-abandonment.yaml', { traceFile: 'scenarios/examples/traces/sample-day.csv' })).toThrow(/sample-day\.csv:\d+: column 2 \(channel\): expected a channel of the scenario \(999\), found "101"/);
  });
});
