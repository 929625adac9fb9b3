import { nodeFiles } from './node-files.js';
import { loadScenarioFrom, type LoadedScenario, type LoadOptions, type ReadScenario } from '../scenario/load.js';

/** Read a scenario file from disk with its `extends` chain and trace; see `loadScenarioFrom`. */
export function loadScenario(file: string, options: LoadOptions = {}, read?: ReadScenario): LoadedScenario {
  return loadScenarioFrom(nodeFiles, file, options, read);
}
