import { nodeFiles } from './node-files.js';
import { loadScenarioFrom, type LoadedScenario, type LoadOptions } from '../scenario/load.js';

/** Read a scenario file from disk with its `extends` chain and trace; see `loadScenarioFrom`. */
export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  return loadScenarioFrom(nodeFiles, file, options);
}
