/**
 * Exact, canonical text for values that travel between machines: object keys sorted, and the
 * numbers JSON cannot hold (NaN, the infinities, negative zero) written as tagged strings, so a
 * replication read back from a part file is the same bit for bit. Finite numbers use JavaScript's
 * shortest round-trip form, which every conforming engine prints alike.
 */
import { createHash } from 'node:crypto';

const SPECIAL: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

/** A number as JSON can hold it: itself, or a tag string for NaN, ±Infinity and -0. */
export function encodeNumber(x: number): number | string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (Object.is(x, -0)) return '-0';
  return x;
}

/** The number an encoded value stands for, or undefined when it is neither a number nor a tag. */
export function decodeNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(SPECIAL, v)) return SPECIAL[v];
  return undefined;
}

/** A plain-data copy with sorted keys, typed arrays as arrays and every number encoded. */
export function canonical(value: unknown): unknown {
  if (typeof value === 'number') return encodeNumber(value);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(canonical);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>, encodeNumber);
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [canonical(k), canonical(v)]);
  if (value instanceof Set) return [...value].map(canonical);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record).sort()) if (record[key] !== undefined) out[key] = canonical(record[key]);
    return out;
  }
  throw new TypeError(`cannot write a ${typeof value} as data`);
}

/** Canonical JSON text of a value (one line). */
export const canonicalJson = (value: unknown): string => JSON.stringify(canonical(value));

/** SHA-256 (hex) of a text. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** SHA-256 of a value's canonical JSON: equal values, equal digests, on any machine. */
export const digestOf = (value: unknown): string => sha256(canonicalJson(value));
