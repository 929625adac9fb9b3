/**
 * Which stage of the call's journey, and which layer of callsim, a frame of a CPU profile belongs
 * to (the `stages` bench). Frames are named by their module's path under `dist/src/` without the
 * extension (`model/handler-pools`) and their function's name.
 */

/** The stages issue 12 names, plus the work around them, in the order the bench prints them. */
export const STAGES = [
  'arrival',
  'drawing attributes',
  'BT transfer, IVR, switchboard, the call route',
  'queueing',
  'abandonment settlement',
  'answer and talk',
  'grading',
  'dispatch',
  'caller mechanisms (repeat callers, redials, callbacks)',
  'metrics records',
  'control room (set-up, horizon)',
  'engine alone (run loop, event list)',
  'garbage collector',
  'other (compiler, idle, the bench)',
] as const;
export type Stage = (typeof STAGES)[number];

/** Where the leaf frame's own time goes, whatever stage called it. */
export const LAYERS = ['event list and run loop', 'random draws', 'model', 'metrics records', 'garbage collector', 'other (compiler, idle, the bench)'] as const;
export type Layer = (typeof LAYERS)[number];

/** The module of a profile frame's URL, relative to `dist/src/` ('' when it is not callsim's). */
export function moduleOf(url: string): string {
  const at = url.lastIndexOf('/dist/src/');
  if (at < 0) return url.includes('/node_modules/fastpriorityqueue/') ? 'engine/fastpriorityqueue' : '';
  return url.slice(at + '/dist/src/'.length).replace(/\.js$/, '');
}

// Lazy abandonment is settled when a queue's head is read (CallQueue.head) and in the stage's own
// abandon; eager abandonment by the stage's patience events.
const ABANDONMENT_IN_QUEUE_STAGE = new Set(['abandon', 'onPatienceEnd', 'settle', 'onRedial', 'onCallbackOffer']);

/**
 * The stage a model-level frame (or the engine's run loop) belongs to, or null for a frame below
 * the model (the rest of the engine, the streams, vendor code): the bench gives a sample the stage
 * of its innermost such frame, so a draw or an event posted by the handlers counts as answering.
 */
export function stageOfFrame(module: string, functionName: string): Stage | null {
  // The run loop calls every stage; what it does itself, and what it calls below the model, is the engine's.
  if (module === 'engine/simulator' && functionName === 'run') return 'engine alone (run loop, event list)';
  if (module.startsWith('metrics/')) return 'metrics records';
  if (module.startsWith('policies/dispatch/')) return 'dispatch';
  if (module.startsWith('policies/')) return 'queueing';
  if (!module.startsWith('model/')) return null;
  const m = module.slice('model/'.length);
  switch (m) {
    case 'call-arrivals':
    case 'arrival-sources':
      return 'arrival';
    case 'caller-factory':
    case 'call':
    case 'dispatch/caller-sampler':
    case 'dispatch/caller-case':
    case 'dispatch/draw-blocks':
    case 'dispatch/assessment-time':
    case 'callers/person':
    case 'callers/prefixed-streams':
      return 'drawing attributes';
    case 'bt-transfer':
    case 'ivr':
    case 'switchboard':
    case 'journey':
      return 'BT transfer, IVR, switchboard, the call route';
    case 'call-queue':
      return 'abandonment settlement';
    case 'queue-stage':
      return ABANDONMENT_IN_QUEUE_STAGE.has(functionName) ? 'abandonment settlement' : 'queueing';
    case 'waiting-line':
    case 'queue-selection-types':
      return 'queueing';
    case 'handler-pools':
    case 'handler-pool':
      return 'answer and talk';
    case 'grading-handoff':
    case 'dispatch/grading':
    case 'dispatch/recognition':
    case 'dispatch/grades':
      return 'grading';
    case 'victim-update':
      return 'dispatch';
    default:
      if (m.startsWith('dispatch/')) return 'dispatch';
      if (m.startsWith('callers/')) return 'caller mechanisms (repeat callers, redials, callbacks)';
      return 'control room (set-up, horizon)';
  }
}

/** The stage of a sample with no model-level frame on its stack, by its leaf frame. */
export function stageWithoutModel(leafModule: string, leafFunction: string): Stage {
  if (leafFunction === '(garbage collector)') return 'garbage collector';
  return leafModule.startsWith('engine/') ? 'engine alone (run loop, event list)' : 'other (compiler, idle, the bench)';
}

const DRAW_MODULES = new Set(['random', 'distributions', 'poisson-arrivals', 'portable-log', 'portable-exp', 'portable-trig', 'portable-math', 'powers-of-two']);

/** The layer a leaf frame's own time belongs to. */
export function layerOf(module: string, functionName: string): Layer {
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (module === 'vendor/seedrandom' || module.startsWith('vendor/stdlib-') || module === 'model/dispatch/draw-blocks') return 'random draws';
  if (module.startsWith('engine/')) return DRAW_MODULES.has(module.slice('engine/'.length)) ? 'random draws' : 'event list and run loop';
  if (module.startsWith('metrics/')) return 'metrics records';
  if (module.startsWith('model/') || module.startsWith('policies/')) return 'model';
  return 'other (compiler, idle, the bench)';
}
