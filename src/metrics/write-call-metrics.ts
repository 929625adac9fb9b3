import type { ControlRoomCollector } from './collector.js';
import { CALL_OUTCOMES } from './call-outcomes.js';
import { seriesName } from './metric-names.js';
import { HOUR_KEYS, WEEKDAY_KEYS, ratio, type MetricSink } from './metric-sink.js';
import { MONTH_FIRST, SLICE_ABANDONED, SLICE_ANSWERED, SLICE_FROM_5_TO_10S, SLICE_OFFERED, SLICE_UNDER_5S, SLICE_WITHIN_TARGET, WEEKDAY_FIRST, type QueueStats } from './queue-stats.js';

/** A queue's series over slices [first, first + keys.length): hours of day, days of the week or months. */
function writeQueueSeries(out: MetricSink, q: QueueStats, prefix: string, first: number, keys: readonly string[], axis: 'hourOfDay' | 'dayOfWeek' | 'month'): void {
  const name = (measure: string): string => seriesName(`${prefix}.${measure}`, axis);
  const pick = (f: (s: number) => number): number[] => keys.map((_, i) => f(first + i));
  const offered = (s: number): number => q.slice(s, SLICE_OFFERED);
  out.putSeries(name('abandonedRatio'), axis, keys, pick((s) => ratio(q.slice(s, SLICE_ABANDONED), offered(s))));
  out.putSeries(name('serviceLevel'), axis, keys, pick((s) => ratio(q.slice(s, SLICE_WITHIN_TARGET), offered(s))));
  out.putSeries(
    name('answeredWithinTarget'),
    axis,
    keys,
    pick((s) => ratio(q.slice(s, SLICE_WITHIN_TARGET), q.slice(s, SLICE_ANSWERED))),
  );
  out.putSeries(name('offered'), axis, keys, pick(offered));
  if (axis === 'month') {
    // A published band share may cover one month only (the first Home Office 999 release): judge it on that month.
    const answered = (s: number): number => q.slice(s, SLICE_ANSWERED);
    out.putSeries(name('answerBands.under5s'), axis, keys, pick((s) => ratio(q.slice(s, SLICE_UNDER_5S), answered(s))));
    out.putSeries(name('answerBands.from5to10s'), axis, keys, pick((s) => ratio(q.slice(s, SLICE_FROM_5_TO_10S), answered(s))));
  }
}

function writeQueue(out: MetricSink, q: QueueStats, c: ControlRoomCollector, windowSeconds: number): void {
  const p = `queues.${q.name}`;
  out.put(`${p}.offered`, q.offered, 'calls');
  out.put(`${p}.answered`, q.answered, 'calls');
  out.put(`${p}.abandoned`, q.abandoned, 'calls');
  out.put(`${p}.open`, q.open, 'calls');
  out.put(`${p}.abandonedRatio`, ratio(q.abandoned, q.offered), 'ratio');
  out.put(`${p}.serviceLevel`, ratio(q.withinTarget, q.offered), 'ratio');
  out.put(`${p}.answeredWithinTarget`, ratio(q.withinTarget, q.answered), 'ratio');
  out.put(`${p}.answeredWithin10s`, ratio(q.within10s, q.answered), 'ratio');
  out.put(`${p}.targetSeconds`, q.targetSeconds, 'seconds');
  out.put(`${p}.waitSeconds.mean`, q.waits.mean, 'seconds');
  out.put(`${p}.waitSeconds.p50`, q.waits.quantile(0.5), 'seconds');
  out.put(`${p}.waitSeconds.p90`, q.waits.quantile(0.9), 'seconds');
  out.put(`${p}.waitSeconds.p99`, q.waits.quantile(0.99), 'seconds');
  out.put(`${p}.abandonWaitSeconds.mean`, ratio(q.abandonWaitSum, q.abandoned), 'seconds');
  out.put(`${p}.answerBands.under5s`, ratio(q.under5s, q.answered), 'ratio');
  out.put(`${p}.answerBands.from5to10s`, ratio(q.from5to10s, q.answered), 'ratio');
  out.put(`${p}.answerBands.over10s`, ratio(q.answered - q.under5s - q.from5to10s, q.answered), 'ratio');
  out.put(`${p}.meanWaiting`, ratio(q.waitingSeconds, windowSeconds), 'calls');
  out.put(`${p}.callbacks.accepted`, q.callbacksAccepted, 'calls');
  out.put(`${p}.callbacks.reached`, q.callbacksReached, 'calls');
  out.put(`${p}.callbacks.failed`, q.callbacksFailed, 'calls');
  out.put(`${p}.callbacks.waitSeconds.mean`, ratio(q.callbackWaitSum, q.callbackWaits), 'seconds');
  out.put(`${p}.redials`, q.redials, 'calls');
  writeQueueSeries(out, q, p, 0, HOUR_KEYS, 'hourOfDay');
  writeQueueSeries(out, q, p, MONTH_FIRST, c.months.keys, 'month');
  writeQueueSeries(out, q, p, WEEKDAY_FIRST, WEEKDAY_KEYS, 'dayOfWeek');
}

/** Calls, channels, queues and handler pools of one replication (DESIGN.md section 6). */
export function writeCallMetrics(c: ControlRoomCollector, out: MetricSink): void {
  const layout = c.layout;
  const windowSeconds = Math.max(0, layout.horizonSeconds - layout.warmupSeconds);
  out.put('calls.offered', c.callsOffered, 'calls');
  out.put('calls.uniqueCallers', c.callsOffered - c.redials, 'callers');
  const width = CALL_OUTCOMES.length;
  layout.channels.forEach((name, ch) => {
    let offered = 0;
    for (let o = 0; o < width; o++) offered += c.channelOutcomes[ch * width + o];
    out.put(`channels.${name}.offered`, offered, 'calls');
    CALL_OUTCOMES.forEach((outcome, o) => out.put(`channels.${name}.${outcome}`, c.channelOutcomes[ch * width + o], 'calls'));
  });
  for (const q of c.queues) writeQueue(out, q, c, windowSeconds);
  layout.pools.forEach((name, i) => {
    const level = c.pools[i];
    const metric = name === 'switchboard' ? 'switchboard.occupancy' : `handlers.${name}.occupancy`;
    out.put(metric, level.ratio(), 'ratio');
    out.put(metric.replace(/occupancy$/, 'meanStaffed'), ratio(level.baseIntegral, windowSeconds), 'handlers');
    out.putSeries(`${metric}.byHourOfDay`, 'hourOfDay', HOUR_KEYS, level.hourlyRatios());
    out.putSeries(seriesName(metric, 'dayOfWeek'), 'dayOfWeek', WEEKDAY_KEYS, level.weekdayRatios());
  });
}
