import { LAYERS, type Layer, layerOf, moduleOf, STAGES, type Stage, stageOfFrame, stageWithoutModel } from './stage-map.js';

/** The parts of a V8 CPU profile (`Profiler.stop`, a `.cpuprofile` file) read here. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  samples: number[];
  /** Microseconds before each sample. */
  timeDeltas: number[];
}

/** A share of the profiled time. */
export interface Part<K extends string> {
  name: K;
  microseconds: number;
  share: number;
}

/** One box of the flame graph: a function at one call path, with its own time and its callees'. */
export interface FlameNode {
  id: number;
  parent: number | null;
  name: string;
  stage: Stage | 'all';
  selfMicroseconds: number;
  totalMicroseconds: number;
}

export interface ProfileSummary {
  totalMicroseconds: number;
  samples: number;
  /** By stage: each sample to the stage of its innermost model-level frame. */
  stages: Part<Stage>[];
  /** By layer: each sample to the layer of its leaf frame. */
  layers: Part<Layer>[];
  /** Functions by their own time, `module function`, the largest first. */
  functions: Part<string>[];
  /** The calls under the timed function, merged over its calls, boxes under `minShare` folded into their caller. */
  flame: FlameNode[];
}

interface Frame {
  module: string;
  functionName: string;
  parent: Frame | null;
  /** The stage of this frame or its nearest model-level caller. */
  innerStage: Stage | null;
  /** True for the timed function (`rootFunction`) and every frame it calls. */
  timed: boolean;
  label: string;
}

/**
 * Sums a profile by stage, layer and function, and merges the calls under every call of
 * `rootFunction` (the replication) into one flame-graph tree. A sample's time is the gap to the
 * next sample, as DevTools counts it.
 */
export function summarise(profile: CpuProfile, rootFunction: string, minShare = 0.003): ProfileSummary {
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const frames = new Map<number, Frame>();
  const frameOf = (id: number): Frame => {
    const known = frames.get(id);
    if (known !== undefined) return known;
    const node = nodeById.get(id);
    if (node === undefined) throw new Error(`the profile has no node ${id}`);
    const parentId = parentOf.get(id);
    const parent = parentId === undefined ? null : frameOf(parentId);
    const module = moduleOf(node.callFrame.url);
    const functionName = node.callFrame.functionName;
    const frame: Frame = {
      module,
      functionName,
      parent,
      innerStage: stageOfFrame(module, functionName) ?? parent?.innerStage ?? null,
      timed: functionName === rootFunction || (parent?.timed ?? false),
      label: `${functionName === '' ? '(anonymous)' : functionName}${module === '' ? '' : ` ${module}`}`,
    };
    frames.set(id, frame);
    return frame;
  };

  const byStage = new Map<Stage, number>();
  const byLayer = new Map<Layer, number>();
  const byFunction = new Map<string, number>();
  const selfByPath = new Map<string, number>();
  let total = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const t = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0;
    if (!(t > 0)) continue;
    const leaf = frameOf(samples[i]);
    total += t;
    const stage = leaf.innerStage ?? stageWithoutModel(leaf.module, leaf.functionName);
    byStage.set(stage, (byStage.get(stage) ?? 0) + t);
    const layer = layerOf(leaf.module, leaf.functionName);
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + t);
    byFunction.set(leaf.label, (byFunction.get(leaf.label) ?? 0) + t);
    const path = pathOf(leaf, rootFunction, stage);
    selfByPath.set(path, (selfByPath.get(path) ?? 0) + t);
  }
  const parts = <K extends string>(m: Map<K, number>, order: readonly K[] | null): Part<K>[] => {
    const names = order ?? [...m.keys()].sort((a, b) => (m.get(b) ?? 0) - (m.get(a) ?? 0));
    return names.filter((k) => (m.get(k) ?? 0) > 0).map((k) => ({ name: k, microseconds: m.get(k) ?? 0, share: (m.get(k) ?? 0) / total }));
  };
  return {
    totalMicroseconds: total,
    samples: samples.length,
    stages: parts(byStage, STAGES),
    layers: parts(byLayer, LAYERS),
    functions: parts(byFunction, null),
    flame: flameTree(selfByPath, total * minShare),
  };
}

const SEPARATOR = '\u0000';

/**
 * A sample's call path for the flame graph: the frames from the timed function down, each as
 * `label SEPARATOR stage`; a sample outside it hangs under a box of its own stage at the root.
 */
function pathOf(leaf: Frame, rootFunction: string, stage: Stage): string {
  const chain: string[] = [];
  let f: Frame | null = leaf;
  while (f !== null && f.timed) {
    chain.push(`${f.label}${SEPARATOR}${f.innerStage ?? stageWithoutModel(f.module, f.functionName)}`);
    if (f.functionName === rootFunction) break;
    f = f.parent;
  }
  if (chain.length === 0) return `(${stage})${SEPARATOR}${stage}`;
  return chain.reverse().join('\n');
}

/** The merged tree of the paths' own times, with boxes under `minMicroseconds` folded into their caller. */
function flameTree(selfByPath: Map<string, number>, minMicroseconds: number): FlameNode[] {
  interface Box {
    name: string;
    stage: Stage | 'all';
    self: number;
    total: number;
    children: Map<string, Box>;
  }
  const root: Box = { name: 'all', stage: 'all', self: 0, total: 0, children: new Map() };
  for (const [path, t] of selfByPath) {
    let box = root;
    box.total += t;
    for (const part of path.split('\n')) {
      let child = box.children.get(part);
      if (child === undefined) {
        const [name, stage] = part.split(SEPARATOR);
        child = { name, stage: stage as Stage, self: 0, total: 0, children: new Map() };
        box.children.set(part, child);
      }
      child.total += t;
      box = child;
    }
    box.self += t;
  }
  const out: FlameNode[] = [];
  const visit = (box: Box, parent: number | null): void => {
    const id = out.length;
    const node: FlameNode = { id, parent, name: box.name, stage: box.stage, selfMicroseconds: box.self, totalMicroseconds: box.total };
    out.push(node);
    const children = [...box.children.values()].sort((a, b) => b.total - a.total);
    for (const child of children) {
      if (child.total < minMicroseconds) node.selfMicroseconds += child.total;
      else visit(child, id);
    }
  };
  visit(root, null);
  return out;
}
