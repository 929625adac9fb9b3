/** The scenario layer: written files (YAML/JSON) to the frozen ResolvedScenario the model runs. */
export { ScenarioError, formatProblem, type ScenarioProblem } from './errors.js';
export { loadScenarioFrom, type LoadedScenario, type LoadOptions } from './load.js';
export type { ScenarioFiles } from './files.js';
export { resolveScenario } from './resolve.js';
export { parseTrace, formatTrace } from './trace.js';
export { scenarioJsonSchema } from './json-schema.js';
export { scenarioSchema, type WrittenScenario } from './schema.js';
