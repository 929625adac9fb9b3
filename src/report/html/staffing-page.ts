/**
 * `staff --html FILE`: one page a planner can share: the targets as re-simulated, then per pool
 * (and per area's response units) a step chart of handlers by interval (Erlang, simulated requirement, current and proposed roster)
 * as inline SVG, the cost, and the proposed shifts. Self-contained: no script, no network.
 */
import type { ResourcePlan, StaffingResult } from '../../experiment/staffing/plan.js';
import { rosterShifts } from '../roster-shifts.js';
import { escapeHtml } from './format.js';
import { htmlDocument } from './page.js';

const SERIES = [
  { key: 'analytic', label: 'Erlang (per interval)', colour: '#9467bd', dash: '4 3' },
  { key: 'required', label: 'simulated requirement', colour: '#d62728', dash: '' },
  { key: 'current', label: 'current roster', colour: '#7f7f7f', dash: '2 2' },
  { key: 'proposed', label: 'proposed roster', colour: '#1f77b4', dash: '' },
] as const;

function chart(p: ResourcePlan, labels: readonly string[], noun: string): string {
  const n = p.required.length;
  const w = 900;
  const h = 260;
  const left = 40;
  const bottom = 30;
  const top = Math.max(1, ...p.required, ...p.analytic, ...p.current, ...p.proposed);
  const x = (i: number): number => left + ((w - left - 10) * i) / n;
  const y = (v: number): number => h - bottom - ((h - bottom - 10) * v) / top;
  const step = (values: readonly number[]): string => values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}H${x(i + 1).toFixed(1)}`).join('');
  const lines = SERIES.map((s) => `<path d="${step(p[s.key])}" fill="none" stroke="${s.colour}" stroke-width="1.6"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`).join('');
  const every = n > 24 ? 24 : 3;
  const ticks = Array.from({ length: Math.ceil(n / every) }, (_, k) => k * every)
    .map((i) => `<text x="${x(i).toFixed(1)}" y="${h - 10}" font-size="10">${escapeHtml(labels[i] ?? String(i))}</text>`)
    .join('');
  const yTicks = [0, Math.round(top / 2), top].map((v) => `<text x="4" y="${y(v).toFixed(1)}" font-size="10">${v}</text>`).join('');
  const legend = SERIES.map((s, k) => `<text x="${left + k * 200}" y="12" font-size="11" fill="${s.colour}">${escapeHtml(s.label)}</text>`).join('');
  return `<svg viewBox="0 0 ${w} ${h + 10}" width="100%" role="img" aria-label="${noun}s by interval">${legend}<g transform="translate(0,10)">${lines}${ticks}${yTicks}</g></svg>`;
}

const pct = (v: number | null): string => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);

export function staffingHtml(result: StaffingResult): string {
  const parts: string[] = [];
  parts.push(`<h1>Staffing: ${escapeHtml(result.scenario)}</h1>`);
  parts.push(`<p>Seed ${result.seed}; ${result.iterations} simulations; ${result.replications} replications per verdict.</p>`);
  parts.push('<h2>Targets, re-simulated with the proposed shifts</h2><table><tr><th>target</th><th>per</th><th>verdict</th><th>worst</th></tr>');
  for (const t of result.targets) {
    parts.push(`<tr><td>${escapeHtml(`${t.metric} ${t.op} ${t.value}`)}</td><td>${t.per}</td><td>${t.met ? 'met' : 'missed'}</td><td>${escapeHtml(t.worst.key)}: ${pct(t.worst.mean)} ± ${pct(t.worst.ci95)}</td></tr>`);
  }
  parts.push('</table>');
  const section = (p: ResourcePlan, heading: string, cost: string, noun: string): void => {
    parts.push(`<h2>${escapeHtml(heading)}</h2>`);
    parts.push(`<p>${escapeHtml(cost)}</p>`);
    parts.push(chart(p, result.labels, noun));
    parts.push(`<h3>Proposed shifts</h3><table><tr><th>date</th><th>start</th><th>hours</th><th>${noun}s</th><th>days</th></tr>`);
    const days = p.shiftsByDate ?? [{ date: '', shifts: [...rosterShifts(p.roster)] }];
    for (const d of days) for (const s of d.shifts) parts.push(`<tr><td>${escapeHtml(d.date)}</td><td>${s.start}</td><td>${s.hours}</td><td>${s.staff}</td><td>${s.days === undefined ? 'every day' : s.days.join(' ')}</td></tr>`);
    parts.push('</table>');
    if (p.differences.length > 0) {
      parts.push(`<h3>Where simulation and Erlang differ by more than one ${noun}</h3><ul>`);
      for (const d of p.differences) parts.push(`<li>${escapeHtml(`${d.interval}: Erlang ${d.analytic}, simulated ${d.required}: ${d.why.join('; ')}`)}</li>`);
      parts.push('</ul>');
    }
  };
  for (const [name, p] of Object.entries(result.pools)) section(p, `Pool ${name}`, `${p.paidHours} paid hours a week; ${p.fte} FTE to employ after ${(p.shrinkage.share * 100).toFixed(1)}% shrinkage.`, 'handler');
  for (const [name, a] of Object.entries(result.areas ?? {})) section(a, `Area ${name}: response units`, `${a.paidHours} unit-hours a week.`, 'unit');
  return htmlDocument(`Staffing: ${result.scenario}`, parts.join('\n'));
}
