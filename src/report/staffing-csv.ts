/** `staff --format csv`: one row per pool and interval, the requirement beside the rosters. */
import type { StaffingResult } from '../experiment/staffing/plan.js';
import { intervalLabel } from '../experiment/staffing/intervals.js';
import { csvCell } from './csv-cell.js';

export function staffingCsv(result: StaffingResult): string {
  const rows = ['pool,interval,index,erlang,isa,required,current,proposed,offeredLoadErlangs'];
  for (const [name, p] of Object.entries(result.pools)) {
    p.required.forEach((r, i) => {
      rows.push([csvCell(name), intervalLabel(p.interval, i), i, p.analytic[i], p.isa[i], r, p.current[i], p.proposed[i], p.offeredLoad[i]].join(','));
    });
  }
  return `${rows.join('\n')}\n`;
}
