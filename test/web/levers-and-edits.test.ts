import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/experiment/load-scenario.js';
import { loadScenarioFrom } from '../../src/scenario/load.js';
import { loadChain } from '../../src/scenario/source.js';
import { leverGroups, type NumberLever } from '../../src/web/levers.js';
import { memoryFiles } from '../../src/web/memory-files.js';
import { editField } from '../../src/web/yaml-edit.js';

const BASELINE = 'scenarios/avon-somerset-2022.yaml';
const WHAT_IF = 'scenarios/what-if/late-shift-plus-two.yaml';
const texts = new Map([BASELINE, WHAT_IF].map((f) => [f, readFileSync(f, 'utf8')]));

describe('the page loads scenarios from memory as the command line loads them from disk', () => {
  it('memoryFiles resolves extends and relative paths like node:path, so a what-if loads to the same scenario and digest', () => {
    const files = memoryFiles(texts);
    expect(files.resolve('scenarios/what-if', '../avon-somerset-2022.yaml')).toBe('/scenarios/avon-somerset-2022.yaml');
    expect(files.relative('/', '/scenarios/a.yaml')).toBe('scenarios/a.yaml');
    expect(files.dirname('/scenarios/what-if/x.yaml')).toBe('/scenarios/what-if');
    const fromMemory = loadScenarioFrom(files, WHAT_IF);
    const fromDisk = loadScenario(WHAT_IF);
    expect(fromMemory.sha256).toBe(fromDisk.sha256);
    expect(JSON.stringify(fromMemory.resolved)).toBe(JSON.stringify(fromDisk.resolved));
    expect(() => files.read('nowhere.yaml')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});

describe('levers and edits', () => {
  const data = loadChain(memoryFiles(texts), BASELINE).data;
  const levers = leverGroups(data).flatMap((g) => g.levers);
  const byId = (id: string) => levers.find((l) => l.id === id) as NumberLever | undefined;

  it('finds the baseline\'s headcounts, demand, surges, callbacks, policies and response units with their values', () => {
    expect(byId('handlers.pools[1].roster.shifts[1].staff')).toMatchObject({ label: 'non-emergency, 15:00 for 8 h', unit: 'handlers', value: 3 });
    expect(byId('channels.999.perDay')?.value).toBe(550);
    expect(byId('channels.999.surges[1].factor')?.value).toBe(1.37);
    expect(byId('dispatch.areas[2].units.shifts[1].staff')).toMatchObject({ label: 'somerset (rural), 15:00 for 8 h', value: 7 });
    expect(levers.find((l) => l.id === 'handlers.pools[1].queueSelection')).toMatchObject({ kind: 'choice', value: 'strictPriority' });
    expect(levers.some((l) => l.id === 'add-callback:secondary')).toBe(true);
  });

  it('an edit changes only its field and keeps the comments', () => {
    const text = texts.get(BASELINE) as string;
    const edited = editField(text, data, ['handlers', 'pools', 1, 'roster', 'shifts', 1, 'staff'], 7);
    expect(edited).toContain('# Non-emergency (101) handlers answer the primary queue before the secondary queue.');
    const files = memoryFiles(new Map([...texts, [BASELINE, edited]]));
    const scenario = loadScenarioFrom(files, BASELINE).resolved;
    const original = loadScenario(BASELINE).resolved;
    expect(JSON.stringify(scenario.handlers.pools[0])).toBe(JSON.stringify(original.handlers.pools[0]));
    expect(JSON.stringify(scenario.handlers.pools[1])).not.toBe(JSON.stringify(original.handlers.pools[1]));
  });

  it('editing a list the extending file does not restate copies the base\'s whole list first (lists replace, never merge)', () => {
    const whatIf = texts.get(WHAT_IF) as string;
    const merged = loadChain(memoryFiles(texts), WHAT_IF).data;
    const edited = editField(whatIf, merged, ['dispatch', 'areas', 0, 'units', 'shifts', 0, 'staff'], 12);
    const files = memoryFiles(new Map([...texts, [WHAT_IF, edited]]));
    const after = loadScenarioFrom(files, WHAT_IF).resolved;
    const before = loadScenario(WHAT_IF).resolved;
    expect(after.dispatch?.areas.map((a) => a.name)).toEqual(before.dispatch?.areas.map((a) => a.name));
    expect(JSON.stringify(after.dispatch?.areas[1])).toBe(JSON.stringify(before.dispatch?.areas[1]));
    expect(JSON.stringify(after.handlers)).toBe(JSON.stringify(before.handlers));
  });
});

describe('levers carry the scenario schema\'s words and bounds', () => {
  it('a headcount is a whole number from 0 with the schema\'s description; a callback acceptance a share up to 1', async () => {
    const { scenarioJsonSchema } = await import('../../src/scenario/json-schema.js');
    const { fieldHelp } = await import('../../src/web/schema-help.js');
    const schema = scenarioJsonSchema();
    expect(fieldHelp(schema, ['handlers', 'pools', 1, 'roster', 'shifts', 1, 'staff'])).toMatchObject({ minimum: 0, integer: true });
    expect(fieldHelp(schema, ['channels', '999', 'perDay'])).toMatchObject({ minimum: 0, integer: false, description: expect.stringMatching(/arrivals per day/) });
    expect(fieldHelp(schema, ['queues', 'secondary', 'callback', 'accept'])).toMatchObject({ minimum: 0, maximum: 1 });
    const data = loadChain(memoryFiles(texts), BASELINE).data;
    const perDay = leverGroups(data, schema).flatMap((g) => g.levers).find((l) => l.id === 'channels.999.perDay') as NumberLever;
    expect(perDay.help).toMatch(/Mean arrivals per day/);
  });
});
