import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../../src/experiment/load-scenario.js';
import { runReplication } from '../../../src/experiment/run-replication.js';

/** One replication of a scenario written as YAML (with an optional trace `calls.csv` beside it); its metrics. */
export function runYaml(yaml: string, traceCsv?: string): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'callsim-mechanisms-'));
  if (traceCsv !== undefined) writeFileSync(join(dir, 'calls.csv'), traceCsv);
  const file = join(dir, 's.yaml');
  writeFileSync(file, yaml);
  return runReplication(loadScenario(file).resolved, 0).metrics;
}
