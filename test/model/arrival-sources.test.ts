import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';
import { StreamFactory } from '../../src/engine/random.js';
import { channelRate } from '../../src/model/arrival-sources.js';
import type { ResolvedChannel } from '../../src/model/resolved.js';

const start = Date.parse('2022-01-03T00:00:00Z');
const channel = (extra: Partial<ResolvedChannel>): ResolvedChannel => ({
  name: '101', rate: { perHour: 100 }, dayBusynessCv: 0, surges: [], queueIndex: 0, queue: 'primary', ...extra,
});

describe('channel arrival rates', () => {
  it('a dated surge window multiplies the rate inside it and nowhere else', () => {
    const rate = channelRate(channel({ surges: [{ startSeconds: 7200, durationSeconds: 1800, factor: 3 }] }), new Calendar(start), 86_400, new StreamFactory(1, 0));
    expect(rate.integral(0, 7200)).toBeCloseTo(200, 9);
    expect(rate.integral(7200, 9000)).toBeCloseTo(150, 9);
    expect(rate.integral(9000, 86_400)).toBeCloseTo(100 * (86_400 - 9000) / 3600, 6);
  });

  it('day-level busyness multiplies each whole day by one gamma factor with mean 1', () => {
    const days = 400;
    const rate = channelRate(channel({ dayBusynessCv: 0.2 }), new Calendar(start), days * 86_400, new StreamFactory(7, 0));
    const factors = Array.from({ length: days }, (_, d) => rate.integral(d * 86_400, (d + 1) * 86_400) / 2400);
    // One factor per day: the rate is flat within each day.
    for (let d = 0; d < 5; d++) expect(rate.valueAt(d * 86_400 + 100)).toBeCloseTo(rate.valueAt(d * 86_400 + 86_000), 12);
    // Mean 1 and cv 0.2: with 400 days the sample mean lies within 3.29 * 0.2 / sqrt(400) = 0.033
    // of 1 (99.9%), and the sample cv within 0.2 +- 0.03 (its standard error is about 0.2/sqrt(800)
    // = 0.007 for a gamma with this shape; 0.03 is over 4 of them).
    const mean = factors.reduce((a, b) => a + b, 0) / days;
    const sd = Math.sqrt(factors.reduce((a, f) => a + (f - mean) ** 2, 0) / (days - 1));
    expect(Math.abs(mean - 1)).toBeLessThan(0.033);
    expect(Math.abs(sd / mean - 0.2)).toBeLessThan(0.03);
  });

  it('the busyness factors come from the channel stream: same seed, same days; another seed, other days', () => {
    const make = (seed: number) => channelRate(channel({ dayBusynessCv: 0.3 }), new Calendar(start), 10 * 86_400, new StreamFactory(seed, 0));
    expect(Array.from(make(3).values)).toEqual(Array.from(make(3).values));
    expect(Array.from(make(3).values)).not.toEqual(Array.from(make(4).values));
  });
});
