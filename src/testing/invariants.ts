/**
 * Invariants every run must keep, checked over its per-call records and against its metrics (two
 * independent code paths). Each returns the violations found, so a property test can print them.
 */
import type { RecordedRun } from './run.js';

const SERVED = new Set(['answered', 'callbackReached', 'callbackFailed']);
const EPS = 1e-9;

/** Every offered call ends exactly once, and every queue visit is left exactly once. */
function endsOnce(run: RecordedRun, out: string[]): void {
  const { ended, entered, left } = run.records;
  const seen = new Set<number>();
  for (const r of ended) {
    if (seen.has(r.id)) out.push(`call ${r.id} ended twice`);
    seen.add(r.id);
  }
  const visits = new Map<string, number>();
  for (const e of entered) visits.set(`${e.callId}@${e.queue}@${e.at}`, (visits.get(`${e.callId}@${e.queue}@${e.at}`) ?? 0) + 1);
  for (const l of left) {
    const key = `${l.callId}@${l.queue}@${l.enteredAt}`;
    const n = visits.get(key) ?? 0;
    if (n === 0) out.push(`call ${l.callId} left ${l.queue} (${l.outcome} at ${l.at}) without entering it at ${l.enteredAt}`);
    else visits.set(key, n - 1);
  }
  for (const [key, n] of visits) if (n > 0) out.push(`queue visit ${key} never left`);
  // Every offered call that reached a queue ends (outbound victim-update work has no channel and is no call).
  for (const e of entered) if (run.records.channelOf.get(e.callId) !== '' && !seen.has(e.callId)) out.push(`call ${e.callId} entered ${e.queue} but never ended`);
}

/** Nobody is answered before arriving, or before entering the queue; waits are never negative. */
function causal(run: RecordedRun, out: string[]): void {
  for (const l of run.records.left) {
    if (l.enteredAt < l.arrivedAt - EPS) out.push(`call ${l.callId} entered ${l.queue} at ${l.enteredAt}, before arriving at ${l.arrivedAt}`);
    if (l.outcome !== 'open' && l.at < l.enteredAt - EPS) out.push(`call ${l.callId} left ${l.queue} (${l.outcome}) at ${l.at}, before entering at ${l.enteredAt}`);
    if (l.outcome === 'answered' && !(l.answerSeconds >= -EPS)) out.push(`call ${l.callId} answered in ${l.queue} with a negative wait ${l.answerSeconds}`);
  }
  for (const r of run.records.ended) if (r.outcome !== 'open' && r.endedAt < r.arrivedAt - EPS) out.push(`call ${r.id} ended at ${r.endedAt}, before arriving at ${r.arrivedAt}`);
}

/** No handler serves two calls at once: a pool's busy handlers never exceed those present. */
function oneCallPerHandler(run: RecordedRun, out: string[]): void {
  for (const p of run.records.poolLevels) {
    if (p.busy < 0 || p.busy > p.staffed) out.push(`pool ${p.pool} at ${p.at}: ${p.busy} busy of ${p.staffed} present`);
  }
}

/** FIFO within a queue: callers are served in the order they entered. */
function fifo(run: RecordedRun, out: string[]): void {
  const byQueue = new Map<string, { at: number; enteredAt: number; callId: number }[]>();
  for (const l of run.records.left) {
    if (!SERVED.has(l.outcome)) continue;
    const list = byQueue.get(l.queue) ?? [];
    list.push(l);
    byQueue.set(l.queue, list);
  }
  for (const [queue, served] of byQueue) {
    const sorted = [...served].sort((a, b) => a.at - b.at || a.enteredAt - b.enteredAt);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].enteredAt < sorted[i - 1].enteredAt - EPS) {
        out.push(`queue ${queue}: call ${sorted[i].callId} (entered ${sorted[i].enteredAt}) served after call ${sorted[i - 1].callId} (entered ${sorted[i - 1].enteredAt})`);
        break;
      }
    }
  }
}

/**
 * Conservation: per channel, offered = answered + abandoned + deflected + IVR hang-ups + resolved +
 * failed callbacks + still open, counted from the records and compared with the metrics; per queue,
 * the visits counted in the records equal the metrics' offered, answered and abandoned.
 */
function conservation(run: RecordedRun, out: string[]): void {
  const m = run.result.metrics;
  const counted = run.records.ended.filter((r) => r.counted && r.channel !== '');
  let total = 0;
  for (const channel of run.records.layout.channels) {
    const calls = counted.filter((r) => r.channel === channel);
    total += calls.length;
    const offered = m[`channels.${channel}.offered`];
    if (offered !== calls.length) out.push(`channel ${channel}: metrics offered ${offered}, records ${calls.length}`);
    let sum = 0;
    for (const outcome of ['answered', 'abandoned', 'deflected', 'ivrHangUp', 'resolved', 'callbackFailed', 'open']) {
      const n = calls.filter((r) => r.outcome === outcome).length;
      sum += n;
      if (m[`channels.${channel}.${outcome}`] !== n) out.push(`channel ${channel}: metrics ${outcome} ${m[`channels.${channel}.${outcome}`]}, records ${n}`);
    }
    if (sum !== calls.length) out.push(`channel ${channel}: outcomes sum to ${sum} of ${calls.length} offered`);
  }
  if (m['calls.offered'] !== total) out.push(`calls.offered ${m['calls.offered']}, records ${total}`);
  for (const { name } of run.records.layout.queues) {
    const visits = run.records.left.filter((l) => l.queue === name && l.counted);
    const count = (o: string): number => visits.filter((l) => l.outcome === o).length;
    const pairs: [string, number][] = [['offered', visits.length], ['answered', count('answered')], ['abandoned', count('abandoned')]];
    for (const [metric, n] of pairs) if (m[`queues.${name}.${metric}`] !== n) out.push(`queue ${name}: metrics ${metric} ${m[`queues.${name}.${metric}`]}, records ${n}`);
  }
}

/**
 * Attendance: never negative, never shorter than the arriving unit's travel, equal to the time from
 * the clock's start to the arrival; and no area attends more incidents than it created.
 */
function attendance(run: RecordedRun, out: string[]): void {
  const created = new Map<number, number>();
  const attended = new Map<number, number>();
  for (const i of run.records.incidents) {
    if (i.attendanceSeconds !== undefined) {
      attended.set(i.area, (attended.get(i.area) ?? 0) + 1);
      const at = `area ${i.area}, attended at ${i.at} s`;
      if (!(i.attendanceSeconds >= -EPS)) out.push(`${at}: attendance ${i.attendanceSeconds} s`);
      if (!(i.travelSeconds !== undefined && i.travelSeconds >= 0)) out.push(`${at}: travel ${i.travelSeconds} s (expected a time of at least 0)`);
      else if (i.attendanceSeconds < i.travelSeconds - EPS * Math.max(1, i.travelSeconds)) out.push(`${at}: attendance ${i.attendanceSeconds} s shorter than the unit's travel ${i.travelSeconds} s`);
      if (i.clockStartAt === undefined || Math.abs(i.at - i.clockStartAt - i.attendanceSeconds) > EPS * Math.max(1, i.at)) out.push(`${at}: attendance ${i.attendanceSeconds} s is not the time since the clock started at ${i.clockStartAt} s`);
    } else if (i.open !== true) created.set(i.area, (created.get(i.area) ?? 0) + 1);
  }
  for (const [area, n] of attended) if (n > (created.get(area) ?? 0)) out.push(`area ${area}: ${n} attended of ${created.get(area) ?? 0} created`);
}

/** Every invariant over one recorded run; an empty list means the run keeps them all. */
export function checkInvariants(run: RecordedRun): string[] {
  const out: string[] = [];
  endsOnce(run, out);
  causal(run, out);
  oneCallPerHandler(run, out);
  fifo(run, out);
  conservation(run, out);
  attendance(run, out);
  return out;
}
