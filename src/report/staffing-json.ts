/** `staff --format json`: the staffing result in the contract, two-space indent, NaN as null. */
import type { StaffingResult } from '../experiment/staffing/plan.js';

export function staffingJson(result: StaffingResult): string {
  return `${JSON.stringify(result, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
