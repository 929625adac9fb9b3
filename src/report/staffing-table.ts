/**
 * `staff` as a table for a planner: the targets re-simulated with the proposed shifts (met or
 * missed per month), then per pool (and per area's response units) the cost (paid hours, FTE) and
 * the requirement per interval: Erlang, ISA, simulated, the current roster and the proposed one,
 * with reasons where the simulation and Erlang differ by more than one.
 */
import type { ResourcePlan, StaffingResult } from '../experiment/staffing/plan.js';
import { rosterShifts } from './roster-shifts.js';

const pct = (v: number | null): string => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
const pm = (m: number | null, ci: number | null): string => `${pct(m)}${ci === null ? '' : ` ± ${pct(ci)}`}`;
const pad = (s: string | number, w: number): string => String(s).padStart(w);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function resourceRows(out: string[], result: StaffingResult, p: ResourcePlan, noun: string, block: string): void {
  const width = Math.max(10, ...result.labels.map((l) => l.length));
  const cycle = p.interval === 'hourOfDay' ? 'a week' : p.interval === 'hourOfWeek' ? 'a week' : 'over the horizon';
  const factor = p.interval === 'hourOfDay' ? 7 : 1;
  out.push(`  ${noun}-hours ${cycle}: Erlang ${sum(p.analytic) * factor}, simulated ${sum(p.required) * factor}; proposed shifts ${p.paidHours} paid hours a week`);
  out.push(`  ${'interval'.padEnd(width)} ${pad('erlang', 6)} ${pad('isa', 4)} ${pad('simulated', 9)} ${pad('current', 7)} ${pad('proposed', 8)} ${pad('load', 6)}`);
  p.required.forEach((r, i) => {
    out.push(`  ${(result.labels[i] ?? String(i)).padEnd(width)} ${pad(p.analytic[i], 6)} ${pad(p.isa[i], 4)} ${pad(r, 9)} ${pad(p.current[i].toFixed(1), 7)} ${pad(p.proposed[i], 8)} ${pad(p.offeredLoad[i].toFixed(1), 6)}`);
  });
  if (p.differences.length > 0) {
    out.push(`  Where simulation and Erlang differ by more than one ${noun} (${p.differences.length} intervals):`);
    for (const d of p.differences) out.push(`    ${d.interval}: Erlang ${d.analytic}, simulated ${d.required}: ${d.why.join('; ')}`);
  }
  out.push(`  Proposed roster (${block}):`);
  const line = (sh: { start: string; hours: number; staff: number; days?: readonly string[] }): string => `${sh.start} for ${sh.hours} h, ${sh.staff} ${noun}${sh.staff === 1 ? '' : 's'}${sh.days === undefined ? ', every day' : `, ${sh.days.join(' ')}`}`;
  if (p.shiftsByDate !== undefined) {
    for (const d of p.shiftsByDate) out.push(`    ${d.date}: ${d.shifts.map(line).join('; ') || 'none'}`);
  } else for (const sh of rosterShifts(p.roster)) out.push(`    ${line(sh)}`);
}

export function staffingTable(result: StaffingResult): string {
  const out: string[] = [];
  out.push(`Staffing for ${result.scenario} (seed ${result.seed}; ${result.iterations} simulations; ${result.replications} replications per verdict)`);
  out.push('');
  out.push('Targets, re-simulated with the proposed shifts:');
  for (const t of result.targets) {
    out.push(`  ${t.metric} ${t.op} ${t.value} per ${t.per}: ${t.met ? 'MET' : 'MISSED'}; worst ${t.worst.key} ${pm(t.worst.mean, t.worst.ci95)}`);
    for (const m of t.months) out.push(`    ${m.key}  ${pm(m.mean, m.ci95).padEnd(16)} ${m.met ? 'met' : 'missed'}`);
  }
  for (const [name, p] of Object.entries(result.pools)) {
    const s = p.shrinkage;
    out.push('');
    out.push(`Pool ${name} (${p.interval}):`);
    out.push(`  FTE to employ: ${p.fte} (shrinkage ${(s.share * 100).toFixed(1)}%: leave ${(s.leave * 100).toFixed(0)}%, sickness ${(s.sickness * 100).toFixed(0)}%, training ${s.trainingDays} days every ${s.trainingEveryWeeks} weeks; ${s.contractHours} h contract)`);
    resourceRows(out, result, p, 'handler', 'handlers.pools[i].roster');
  }
  for (const [name, p] of Object.entries(result.areas ?? {})) {
    out.push('');
    out.push(`Area ${name}, response units (${p.interval}):`);
    resourceRows(out, result, p, 'unit', 'dispatch.areas[i].units; extraUnits: []');
  }
  return `${out.join('\n')}\n`;
}
