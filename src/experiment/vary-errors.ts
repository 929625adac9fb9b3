import { ScenarioError } from '../scenario/errors.js';

/**
 * A grid point's values reach the scenario as `--set path=value`; a problem with one of them is
 * named by the option the user typed (`--vary path=value`), so the message points at the grid.
 */
export async function namedAsVary<T>(pointSets: readonly string[], load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const fromGrid = new Set(pointSets.map((set) => `--set ${set}`));
    throw new ScenarioError(error.problems.map((p) => (p.file !== undefined && fromGrid.has(p.file) ? { ...p, file: `--vary ${p.file.slice('--set '.length)}` } : p)));
  }
}
