import type { z } from 'zod';

/** The zod definition behind a schema, as far as this walker needs it. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  entries?: Record<string, string>;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The field names an object schema at `path` accepts (empty when none is found). */
export function knownFields(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let nodes: z.ZodType[] = [schema];
  const unwrap = (list: z.ZodType[]): z.ZodType[] =>
    list.flatMap((s) => {
      const d = defOf(s);
      if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable') return unwrap([d.innerType!]);
      if (d.type === 'union') return unwrap(d.options ?? []);
      return [s];
    });
  for (const seg of path) {
    nodes = unwrap(nodes).flatMap((s) => {
      const d = defOf(s);
      if (d.type === 'object' && typeof seg === 'string' && d.shape?.[seg]) return [d.shape[seg]];
      if (d.type === 'record' && d.valueType) return [d.valueType];
      if (d.type === 'array' && d.element) return [d.element];
      return [];
    });
  }
  // object fields, or the names a record keyed by an enum (grades) accepts
  const fields = (s: z.ZodType): string[] => {
    const d = defOf(s);
    if (d.type === 'record' && d.keyType && defOf(d.keyType).type === 'enum') return Object.values(defOf(d.keyType).entries ?? {});
    return Object.keys(d.shape ?? {});
  };
  return [...new Set(unwrap(nodes).flatMap(fields))];
}

export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      previous = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

/** The known field closest to a misspelt one, if it is close enough to be a likely typo. */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(word, k);
    if (d < bestDistance) (best = k), (bestDistance = d);
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
