/**
 * What the scenario schema (the JSON Schema `callsim schema` prints) says about one field: its
 * description and bounds, so each lever's control carries the schema's own words and limits.
 */
import type { PathSegments } from '../scenario/paths.js';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface FieldHelp {
  description?: string;
  minimum?: number;
  maximum?: number;
  integer: boolean;
}

/** One step down from `node` by `segment`, looking into every branch of an anyOf/oneOf. */
function step(node: Node, segment: string | number): Node | undefined {
  const branches = [node, ...(['anyOf', 'oneOf', 'allOf'] as const).flatMap((k) => (Array.isArray(node[k]) ? (node[k] as unknown[]).filter(isNode) : []))];
  for (const b of branches) {
    if (typeof segment === 'number' && isNode(b.items)) return b.items;
    if (typeof segment === 'string') {
      const props = isNode(b.properties) ? b.properties : undefined;
      if (props !== undefined && isNode(props[segment])) return props[segment] as Node;
      if (isNode(b.additionalProperties)) return b.additionalProperties;
    }
  }
  return undefined;
}

/** The schema's description and bounds of the field at `path` (nothing known: `{ integer: false }`). */
export function fieldHelp(schema: unknown, path: PathSegments): FieldHelp {
  let node: Node | undefined = isNode(schema) ? schema : undefined;
  for (const segment of path) node = node === undefined ? undefined : step(node, segment);
  if (node === undefined) return { integer: false };
  const branches = [node, ...(Array.isArray(node.anyOf) ? (node.anyOf as unknown[]).filter(isNode) : [])];
  const numeric = branches.find((b) => b.type === 'number' || b.type === 'integer');
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Math.abs(v) < 1e15 ? v : undefined);
  return {
    description: typeof node.description === 'string' ? node.description : undefined,
    minimum: num(numeric?.minimum),
    maximum: num(numeric?.maximum),
    integer: numeric?.type === 'integer',
  };
}
