import type { Grade } from '../model/dispatch/types.js';
import { GRADES } from '../model/dispatch/types.js';
import type { ResolvedTraceCall, TraceCall } from '../model/resolved.js';
import { describeValue, ScenarioError, type ScenarioProblem } from './errors.js';

const COLUMNS = ['arrival', 'channel', 'handleSeconds', 'patienceSeconds', 'area', 'need'] as const;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Split one CSV line; double-quoted fields may hold commas and "" for a quote. */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') (value += '"'), (i += 2);
        else if (line[i] === '"') break;
        else value += line[i++];
      }
      i++;
      out.push(value);
      const comma = line.indexOf(',', i);
      if (comma < 0) return out;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      out.push((comma < 0 ? line.slice(i) : line.slice(i, comma)).trim());
      if (comma < 0) return out;
      i = comma + 1;
    }
  }
}

/**
 * Trace rows with their channel and area as indices into the scenario's channels and dispatch
 * areas (names already checked by `parseTrace`); a row without an area, or one no area matches, gets -1.
 */
export function indexTrace(rows: readonly TraceCall[], channelNames: readonly string[], areaNames: readonly string[]): ResolvedTraceCall[] {
  return rows.map((row) => ({ ...row, channelIndex: channelNames.indexOf(row.channel), areaIndex: row.area === undefined || row.area === '' ? -1 : areaNames.indexOf(row.area) }));
}

/**
 * Parse a call log (CSV with a header). `arrival` (an ISO-8601 instant, or seconds from the start)
 * and `channel` are required; `handleSeconds`, `patienceSeconds`, `area` and `need` are optional and
 * override the sampled values. Every problem is reported with its line and column; rows are
 * returned sorted by arrival (stable). With `areaNames` (a scenario with dispatch areas), an
 * `area` must be one of them.
 */
export function parseTrace(text: string, file: string, channelNames: readonly string[], startEpochMs: number, areaNames?: readonly string[]): TraceCall[] {
  const problems: ScenarioProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) throw new ScenarioError([{ file, line: 1, path: 'header', expected: `a header line with columns ${COLUMNS.join(', ')}`, found: 'an empty file' }]);
  const header = splitCsv(lines[headerIndex]);
  const col = new Map<string, number>();
  header.forEach((name, i) => {
    if (!(COLUMNS as readonly string[]).includes(name)) problems.push({ file, line: headerIndex + 1, path: `column ${i + 1}`, expected: `one of the columns ${COLUMNS.join(', ')}`, found: describeValue(name) });
    else if (col.has(name)) problems.push({ file, line: headerIndex + 1, path: `column ${i + 1}`, expected: 'each column once', found: `${name} twice` });
    else col.set(name, i);
  });
  for (const required of ['arrival', 'channel']) {
    if (!col.has(required)) problems.push({ file, line: headerIndex + 1, path: 'header', expected: `a column named ${required}`, found: `columns ${header.join(', ')}` });
  }
  if (problems.length > 0) throw new ScenarioError(problems);

  const calls: TraceCall[] = [];
  for (let n = headerIndex + 1; n < lines.length; n++) {
    if (lines[n].trim() === '') continue;
    const cells = splitCsv(lines[n]);
    const line = n + 1;
    const bad = (name: string, expected: string, found: string): void => {
      problems.push({ file, line, path: `column ${(col.get(name) ?? 0) + 1} (${name})`, expected, found });
    };
    const cell = (name: string): string | undefined => {
      const i = col.get(name);
      const v = i === undefined ? undefined : cells[i];
      return v === undefined || v === '' ? undefined : v;
    };
    if (cells.length > header.length) {
      problems.push({ file, line, path: `column ${header.length + 1}`, expected: `${header.length} values`, found: `${cells.length} values` });
      continue;
    }
    let arrivalSeconds = NaN;
    const arrival = cell('arrival');
    if (arrival === undefined) bad('arrival', 'an arrival (an ISO-8601 instant or seconds from the start)', 'nothing');
    else if (NUMBER.test(arrival)) arrivalSeconds = Number(arrival);
    else if (ISO.test(arrival) && Number.isFinite(Date.parse(arrival))) arrivalSeconds = (Date.parse(arrival) - startEpochMs) / 1000;
    else bad('arrival', 'an ISO-8601 instant with a zone (2022-01-01T08:00:00Z) or seconds from the start', describeValue(arrival));
    if (Number.isFinite(arrivalSeconds) && arrivalSeconds < 0) bad('arrival', 'an arrival at or after the scenario start', describeValue(arrival));
    const channel = cell('channel');
    if (channel === undefined) bad('channel', 'a channel name', 'nothing');
    else if (!channelNames.includes(channel)) bad('channel', `a channel of the scenario (${channelNames.join(', ')})`, describeValue(channel));
    const call: TraceCall = { arrivalSeconds, channel: channel ?? '' };
    for (const name of ['handleSeconds', 'patienceSeconds'] as const) {
      const v = cell(name);
      if (v === undefined) continue;
      if (!NUMBER.test(v) || Number(v) < 0) bad(name, 'a non-negative number of seconds', describeValue(v));
      else call[name] = Number(v);
    }
    const area = cell('area');
    if (area !== undefined) {
      if (areaNames !== undefined && !areaNames.includes(area)) {
        bad('area', areaNames.length > 0 ? `an area of the scenario (${areaNames.join(', ')})` : 'no area (the scenario declares no dispatch areas)', describeValue(area));
      }
      call.area = area;
    }
    const need = cell('need');
    if (need !== undefined) {
      if (!(GRADES as readonly string[]).includes(need)) bad('need', `one of ${GRADES.join(', ')}`, describeValue(need));
      else call.need = need as Grade;
    }
    calls.push(call);
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  // Array.prototype.sort is stable: rows at the same instant keep their order.
  return calls.sort((a, b) => a.arrivalSeconds - b.arrivalSeconds);
}

const quote = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Write calls in the trace format, arrivals as seconds from the start (exact: a written trace
 * parses back to the same numbers). `startEpochMs` is kept for symmetry with `parseTrace`.
 */
export function formatTrace(calls: readonly TraceCall[], startEpochMs: number): string {
  void startEpochMs;
  const rows = calls.map((c) =>
    [String(c.arrivalSeconds), quote(c.channel), c.handleSeconds === undefined ? '' : String(c.handleSeconds), c.patienceSeconds === undefined ? '' : String(c.patienceSeconds), c.area === undefined ? '' : quote(c.area), c.need ?? ''].join(','),
  );
  return `${COLUMNS.join(',')}\n${rows.map((r) => `${r}\n`).join('')}`;
}
