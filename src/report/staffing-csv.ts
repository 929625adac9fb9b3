/** `staff --format csv`: one row per pool (or area's units) and interval, the requirement beside the rosters. */
import type { StaffingResult } from '../experiment/staffing/plan.js';
import { csvCell } from './csv-cell.js';

export function staffingCsv(result: StaffingResult): string {
  const rows = ['resource,name,interval,index,erlang,isa,required,current,proposed,offeredLoadErlangs'];
  const add = (resource: string, name: string, p: StaffingResult['pools'][string] | StaffingResult['areas'][string]): void => {
    p.required.forEach((r, i) => {
      rows.push([resource, csvCell(name), csvCell(result.labels[i] ?? String(i)), i, p.analytic[i], p.isa[i], r, p.current[i], p.proposed[i], p.offeredLoad[i]].join(','));
    });
  };
  for (const [name, p] of Object.entries(result.pools)) add('pool', name, p);
  for (const [name, a] of Object.entries(result.areas ?? {})) add('area', name, a);
  return `${rows.join('\n')}\n`;
}
