import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';
import { rosterPieces } from '../../src/engine/roster.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/errors.js';

const START = Date.parse('2022-01-01T00:00:00Z');
const calendar = new Calendar(START);
const DAY = 86_400;
const secondsTo = (iso: string): number => (Date.parse(iso) - START) / 1000;

describe('rosters that change by date (periods)', () => {
  it('each period holds from its instant to the next; shifts keep their clock inside a period', () => {
    const pieces = rosterPieces(
      { periods: [{ roster: 3 }, { from: '2022-06-01T00:00:00Z', roster: { shifts: [{ start: '08:00', hours: 8, staff: 7 }] } }, { from: '2022-09-01T00:00:00Z', roster: { constant: 4 } }] },
      calendar, 300 * DAY,
    );
    const june1 = secondsTo('2022-06-01T00:00:00Z');
    expect(pieces.valueAt(0)).toBe(3);
    expect(pieces.valueAt(june1 - 1)).toBe(3);
    expect(pieces.valueAt(june1 + 3600)).toBe(0); // 01:00 on 1 June: no shift on
    expect(pieces.valueAt(june1 + 9 * 3600)).toBe(7); // 09:00
    expect(pieces.valueAt(secondsTo('2022-09-01T00:00:00Z'))).toBe(4);
    expect(pieces.horizon).toBe(300 * DAY);
  });

  it('a first period from before the start applies from the start; a period after the horizon is ignored', () => {
    const pieces = rosterPieces({ periods: [{ from: '2021-12-01T00:00:00Z', roster: 2 }, { from: '2023-01-01T00:00:00Z', roster: 9 }] }, calendar, 10 * DAY);
    expect(pieces.valueAt(0)).toBe(2);
    expect(pieces.valueAt(10 * DAY - 1)).toBe(2);
  });

  it('bad periods name the field and what was expected', () => {
    expect(() => rosterPieces({ periods: [{ roster: 2 }, { roster: 3 }] }, calendar, DAY, 'handlers.pools[0].roster')).toThrow(/handlers\.pools\[0\]\.roster\.periods\[1\]\.from: expected an ISO-8601 instant/);
    expect(() => rosterPieces({ periods: [{ roster: 2 }, { from: '2022-03-01T00:00:00Z', roster: 3 }, { from: '2022-02-01T00:00:00Z', roster: 3 }] }, calendar, DAY)).toThrow(/after the previous period/);
    expect(() => rosterPieces({ periods: [{ roster: { periods: [{ roster: 1 }] } }] }, calendar, DAY)).toThrow(/periods do not nest/);
    expect(() => rosterPieces({ periods: [{ from: '2022-02-01T00:00:00Z', roster: 1 }] }, calendar, DAY)).toThrow(/first period to start at or before/);
  });

  it('a scenario file takes periods for a handler pool (response units and the switchboard read rosters through the same function)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'callsim-periods-'));
    const text = (pool: string): string => `name: periods
start: 2022-05-01T00:00:00Z
horizon: { days: 60 }
channels:
  "999": { perHour: 20, queue: "999" }
queues:
  "999": { targetSeconds: 10 }
handlers:
  pools:
    - { name: handlers, serves: ["999"], roster: ${pool} }
  handleSeconds:
    "999": { exponential: { mean: 180 } }
policy: { queueSelection: { strictPriority: ["999"] } }
`;
    const good = join(dir, 'good.yaml');
    writeFileSync(good, text('{ periods: [ { roster: 3 }, { from: "2022-06-01T00:00:00Z", roster: { constant: 5 } } ] }'));
    const resolved = loadScenario(good).resolved;
    const pieces = rosterPieces(resolved.handlers.pools[0].roster, new Calendar(resolved.startEpochMs), resolved.horizonSeconds);
    expect(pieces.valueAt(0)).toBe(3);
    expect(pieces.valueAt(35 * DAY)).toBe(5);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, text('{ periods: [ { roster: 3 }, { roster: 5 } ] }'));
    expect(() => loadScenario(bad)).toThrow(ScenarioError);
    try {
      loadScenario(bad);
    } catch (error) {
      expect(String((error as Error).message)).toMatch(/handlers\.pools\[0\]\.roster\.periods\[1\]\.from/);
    }
  });
});
