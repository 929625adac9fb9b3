/**
 * "What was run" at the top of the briefing: the scenario, period on the room's clock, changes
 * applied, replications and seed, and the roster by shift in local time (side by side for a
 * comparison, with the changed headcounts marked).
 */
import type { Results, RosterShift, RunSetup } from '../../metrics/results.js';
import { escapeHtml } from './format.js';

/** A day of the room's clock, e.g. `1 Jan 2022`. */
function localDay(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(epochMs));
}

/** The period in words: first and last day on the room's clock (the horizon itself is excluded). */
export function periodText(setup: RunSetup): string {
  const from = Date.parse(setup.start);
  const to = Date.parse(setup.end) - 1;
  const days = Number.isInteger(setup.horizonDays) ? `${setup.horizonDays}` : setup.horizonDays.toFixed(2);
  const warm = setup.warmupHours > 0 ? `; the first ${setup.warmupHours} hours warm up and are not counted` : '';
  return `${localDay(from, setup.timeZone)} to ${localDay(to, setup.timeZone)} (${days} days), on the room's clock (${setup.timeZone})${warm}`;
}

/** `07:00–15:00`, the end on the next day when the shift runs past midnight. */
export function shiftTimes(s: RosterShift): string {
  const [h, m] = s.start.split(':').map(Number);
  const endMinutes = h * 60 + m + Math.round(s.hours * 60);
  const end = `${String(Math.floor(endMinutes / 60) % 24).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;
  return `${s.start}–${end}${endMinutes >= 24 * 60 ? ' (next day)' : ''}`;
}

const shiftKey = (pool: string, s: RosterShift): string => [pool, s.from ?? '', s.start, s.hours, (s.days ?? []).join(' ')].join('|');

/** The facts list of one scenario (no roster). */
export function factsList(r: Results, label?: string): string {
  const s = r.setup;
  const items: [string, string][] = [];
  items.push(['Scenario', `${escapeHtml(r.scenario.name)}${r.scenario.file ? ` (<code>${escapeHtml(r.scenario.file)}</code>)` : ''}`]);
  if (s !== undefined) {
    items.push(['Period', escapeHtml(periodText(s))]);
    items.push(['Changes', s.changes.length === 0 ? 'none on the command line (the file as written)' : `<ul class="changes">${s.changes.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>`]);
  }
  items.push(['Replications', `${r.replications}, seed ${r.seed} (figures are means across replications with 95% intervals)`]);
  const dl = items.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('');
  return `<div class="facts">${label === undefined ? '' : `<h4>${escapeHtml(label)}</h4>`}<dl class="facts">${dl}</dl></div>`;
}

/**
 * The roster by shift (local times), one staff column per scenario; a headcount that differs from
 * the first scenario's is marked with what it was. Rosters not written as shifts are noted below.
 */
export function rosterTable(scenarios: readonly { label: string; setup: RunSetup | undefined }[]): string {
  const known = scenarios.filter((s): s is { label: string; setup: RunSetup } => s.setup !== undefined);
  if (known.length === 0) return '<p class="note">These results do not say how the rooms were staffed (written before results carried the roster, or merged from shards).</p>';
  const rows = new Map<string, { pool: string; serves: string[]; shift: RosterShift; staff: (number | undefined)[] }>();
  const notes: string[] = [];
  known.forEach((s, i) => {
    for (const roster of s.setup.rosters) {
      if (roster.note !== null) notes.push(`${known.length > 1 ? `${s.label}: ` : ''}${roster.pool}: ${roster.note}`);
      for (const shift of roster.shifts) {
        const key = shiftKey(roster.pool, shift);
        const row = rows.get(key) ?? { pool: roster.pool, serves: roster.serves, shift, staff: [] };
        // A shift named in any scenario keeps its name.
        if (row.shift.name === null && shift.name !== null) row.shift = shift;
        row.staff[i] = shift.staff;
        rows.set(key, row);
      }
    }
  });
  const many = known.length > 1;
  const head =
    '<thead><tr><th scope="col">pool (queues)</th><th scope="col">shift</th><th scope="col">local time</th><th scope="col">days</th>' +
    known.map((s) => `<th scope="col" class="num">${many ? `${escapeHtml(s.label)}<br><span class="soft">staff</span>` : 'staff'}</th>`).join('') +
    '</tr></thead>';
  const body = [...rows.values()].map((r) => {
    const cells = known.map((_, i) => {
      const v = r.staff[i];
      const base = r.staff[0];
      if (v === undefined) return '<td class="num">–</td>';
      const changed = many && i > 0 && v !== base;
      return changed ? `<td class="num changed" data-changed="true"><strong>${v}</strong> <span class="soft">(was ${base ?? 'none'})</span></td>` : `<td class="num">${v}</td>`;
    });
    const name = `${r.shift.name ?? '–'}${r.shift.from === null ? '' : ` <span class="soft">from ${escapeHtml(r.shift.from.slice(0, 10))}</span>`}`;
    return (
      `<tr><th scope="row">${escapeHtml(r.pool)} <span class="soft">(${escapeHtml(r.serves.join(', '))})</span></th><td>${name}</td>` +
      `<td>${escapeHtml(shiftTimes(r.shift))}</td><td>${escapeHtml(r.shift.days === null ? 'every day' : r.shift.days.join(', '))}</td>${cells.join('')}</tr>`
    );
  });
  const tz = known[0].setup.timeZone;
  const table = rows.size === 0 ? '' : `<table class="roster"><caption>Call handlers on duty by shift (local times, ${escapeHtml(tz)})</caption>${head}<tbody>${body.join('')}</tbody></table>`;
  return table + (notes.length === 0 ? '' : `<ul class="roster-notes">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
}
