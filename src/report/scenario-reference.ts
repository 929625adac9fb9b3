/**
 * The README's scenario reference, rendered from the published JSON Schema (`callsim schema
 * --markdown`), so every field, its unit and its default come from the one source the editors and
 * the validator use. Distributions and rosters are shown as one line each (their forms are listed
 * in their description).
 */

type Node = Record<string, unknown>;

const isNode = (x: unknown): x is Node => x !== null && typeof x === 'object' && !Array.isArray(x);
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function kindOf(node: Node): string {
  if (Array.isArray(node.anyOf)) {
    const d = String(node.description ?? '');
    if (/A distribution:/.test(d)) return 'distribution';
    if (/A roster:/.test(d)) return 'roster';
    return 'one of several forms';
  }
  if (Array.isArray(node.enum)) return `one of ${node.enum.map((e) => JSON.stringify(e)).join(', ')}`;
  if (node.type === 'array') {
    const items = isNode(node.items) ? kindOf(node.items) : 'value';
    const n = node.minItems !== undefined && node.minItems === node.maxItems ? `${String(node.minItems)} ` : '';
    return `list of ${n}${items}`;
  }
  if (node.type === 'object' && isNode(node.additionalProperties) && node.properties === undefined) return 'map: name -> …';
  return typeof node.type === 'string' ? node.type : 'value';
}

function range(node: Node): string {
  const lo = node.minimum ?? node.exclusiveMinimum;
  // zod writes MAX_SAFE_INTEGER as the bound of every integer: not a real limit.
  const hi = node.maximum === Number.MAX_SAFE_INTEGER ? undefined : node.maximum;
  if (lo === undefined && hi === undefined) return '';
  const l = lo === undefined ? '' : `${node.exclusiveMinimum !== undefined ? '>' : '≥'} ${String(lo)}`;
  const h = hi === undefined ? '' : `≤ ${String(hi)}`;
  return ` (${[l, h].filter((x) => x !== '').join(', ')})`;
}

/** The description without the long list of forms a distribution or roster may take (listed once above the table). */
function meaning(node: Node): string {
  return String(node.description ?? '')
    .replace(/ A distribution: .*$/, ' (a distribution)')
    .replace(/ A roster: .*$/, ' (a roster)')
    .replace(/ A probability in \[0, 1\]\.$/, '');
}

function walk(node: Node, path: string, required: boolean, rows: string[]): void {
  if (path !== '') rows.push(`| \`${path}\` | ${cell(kindOf(node) + range(node))} | ${required ? 'yes' : ''} | ${cell(meaning(node))} |`);
  if (Array.isArray(node.anyOf)) return;
  if (isNode(node.properties)) {
    const req = Array.isArray(node.required) ? node.required.map(String) : [];
    for (const [key, child] of Object.entries(node.properties)) if (isNode(child)) walk(child, path === '' ? key : `${path}.${key}`, req.includes(key), rows);
  }
  // A map (channels, queues, handle times by queue): one entry stands for every name.
  if (isNode(node.additionalProperties)) walk(node.additionalProperties, `${path}.NAME`, false, rows);
  if (node.type === 'array' && isNode(node.items) && isNode(node.items.properties)) {
    const req = Array.isArray(node.items.required) ? node.items.required.map(String) : [];
    for (const [key, child] of Object.entries(node.items.properties)) if (isNode(child)) walk(child, `${path}[].${key}`, req.includes(key), rows);
  }
}

/** A markdown table of every field of the scenario JSON Schema: path, kind (with bounds), required, description. */
export function scenarioReference(schema: object): string {
  const rows: string[] = [];
  walk(schema as Node, '', true, rows);
  return ['| field | kind | required | meaning, unit, default |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}
