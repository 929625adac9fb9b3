/**
 * The model raises no user-facing errors: what it once checked itself, resolution now refuses
 * with the file, the line and the field.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/experiment/load-scenario.js';
import { ScenarioError } from '../../src/scenario/index.js';
import { VALID } from './fixtures.js';

const dirPath = mkdtempSync(join(tmpdir(), 'callsim-preconditions-'));
let count = 0;
function problem(text: string): string {
  const file = join(dirPath, `case-${++count}.yaml`);
  writeFileSync(file, text);
  try {
    loadScenario(file);
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  throw new Error('the scenario loaded without a problem');
}
const edit = (from: string, to: string): string => {
  if (!VALID.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return VALID.replace(from, to);
};

describe('what the model relies on, refused at resolution', () => {
  it('an area is not its own neighbour', () => {
    expect(problem(edit('neighbours: [county]', 'neighbours: [city]'))).toMatch(/:38: dispatch\.areas\[0\]\.neighbours\[0\]: expected another area than this one, found "city"/);
  });

  it('an unknown grade in the under-grading matrix', () => {
    expect(problem(edit('  thrive: 0.8\n', '  thrive: 0.8\n  undergradeMatrix: { urgent: { priority: 1 } }\n'))).toMatch(/grading\.undergradeMatrix/);
  });

  it('a trace area when graded calls have no dispatch areas', () => {
    writeFileSync(join(dirPath, 'areas.csv'), 'arrival,channel,area\n5,999,city\n');
    const noDispatch = VALID.slice(0, VALID.indexOf('dispatch:\n'));
    expect(problem(`${noDispatch}trace: areas.csv\n`)).toMatch(/areas\.csv:2: column 3 \(area\): expected no area \(the scenario declares no dispatch areas\), found "city"/);
  });
});
