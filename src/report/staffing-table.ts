/**
 * `staff` as a table for a planner: the targets re-simulated with the proposed shifts (met or
 * missed per month), then per pool the cost (paid hours, FTE) and the requirement per interval:
 * Erlang, ISA, simulated, the current roster and the proposed one, with reasons where the
 * simulation and Erlang differ by more than one handler.
 */
import type { StaffingResult } from '../experiment/staffing/plan.js';
import { intervalLabel } from '../experiment/staffing/intervals.js';

const pct = (v: number | null): string => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
const pm = (m: number | null, ci: number | null): string => `${pct(m)}${ci === null ? '' : ` ± ${pct(ci)}`}`;
const pad = (s: string | number, w: number): string => String(s).padStart(w);

export function staffingTable(result: StaffingResult): string {
  const out: string[] = [];
  out.push(`Staffing for ${result.scenario} (seed ${result.seed}; ${result.iterations} simulations; ${result.replications} replications per verdict)`);
  out.push('');
  out.push('Targets, re-simulated with the proposed shifts:');
  for (const t of result.targets) {
    out.push(`  ${t.metric} ${t.op} ${t.value} per ${t.per}: ${t.met ? 'MET' : 'MISSED'}; worst ${t.worst.key} ${pm(t.worst.mean, t.worst.ci95)}`);
    for (const m of t.months) out.push(`    ${m.key}  ${pm(m.mean, m.ci95).padEnd(16)} ${m.met ? 'met' : 'missed'}`);
  }
  const s = result.shrinkage;
  for (const [name, p] of Object.entries(result.pools)) {
    const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
    out.push('');
    out.push(`Pool ${name} (${p.interval}):`);
    out.push(`  handler-hours a week: Erlang ${sum(p.analytic) * (p.interval === 'hourOfDay' ? 7 : 1)}, simulated ${sum(p.required) * (p.interval === 'hourOfDay' ? 7 : 1)}; proposed shifts ${p.paidHours} paid hours a week`);
    out.push(`  FTE to employ: ${p.fte} (shrinkage ${(s.share * 100).toFixed(1)}%: leave ${(s.leave * 100).toFixed(0)}%, sickness ${(s.sickness * 100).toFixed(0)}%, training ${s.trainingDays} days every ${s.trainingEveryWeeks} weeks; ${s.contractHours} h contract)`);
    out.push(`  ${'interval'.padEnd(10)} ${pad('erlang', 6)} ${pad('isa', 4)} ${pad('simulated', 9)} ${pad('current', 7)} ${pad('proposed', 8)} ${pad('load', 6)}`);
    p.required.forEach((r, i) => {
      out.push(`  ${intervalLabel(p.interval, i).padEnd(10)} ${pad(p.analytic[i], 6)} ${pad(p.isa[i], 4)} ${pad(r, 9)} ${pad(p.current[i].toFixed(1), 7)} ${pad(p.proposed[i], 8)} ${pad(p.offeredLoad[i].toFixed(1), 6)}`);
    });
    if (p.differences.length > 0) {
      out.push(`  Where simulation and Erlang differ by more than one handler (${p.differences.length} intervals):`);
      for (const d of p.differences) out.push(`    ${d.interval}: Erlang ${d.analytic}, simulated ${d.required}: ${d.why.join('; ')}`);
    }
    out.push('  Proposed roster (handlers.pools[i].roster):');
    for (const sh of p.roster.shifts) out.push(`    ${sh.start} for ${sh.hours} h, ${sh.staff} handler${sh.staff === 1 ? '' : 's'}${sh.days === undefined ? ', every day' : `, ${sh.days.join(' ')}`}`);
  }
  return `${out.join('\n')}\n`;
}
