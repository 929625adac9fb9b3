/** True when `value` is a primitive, or frozen together with everything reachable from it. */
export function deeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(deeplyFrozen);
}

/**
 * Tables built from specs that cannot change: the resolved scenario is frozen all the way down, so
 * a rate or roster table made from one of its specs holds for every replication the thread runs.
 * The last table per spec is kept with the key it was made for (the calendar and horizon); a spec
 * that is not deeply frozen is built afresh every time.
 */
export class FrozenTables<T> {
  private readonly made = new WeakMap<object, { key: string; table: T }>();

  /** The table of `spec` for `key`, built by `build` unless already made for that key. */
  get(spec: unknown, key: string, build: () => T): T {
    if (spec === null || typeof spec !== 'object' || !deeplyFrozen(spec)) return build();
    const made = this.made.get(spec);
    if (made?.key === key) return made.table;
    const table = build();
    this.made.set(spec, { key, table });
    return table;
  }
}
