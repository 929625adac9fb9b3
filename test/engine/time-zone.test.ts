import { describe, expect, it, vi } from 'vitest';
import { ZoneOffsets } from '../../src/engine/time-zone.js';

// UK clock changes: BST began 2021-03-28 01:00 UTC, ended 2021-10-31 01:00 UTC, began 2022-03-27 01:00 UTC.
const BST_2021_START = Date.UTC(2021, 2, 28, 1);
const BST_2021_END = Date.UTC(2021, 9, 31, 1);
const BST_2022_START = Date.UTC(2022, 2, 27, 1);

describe('ZoneOffsets grows its known stretches either way on demand', () => {
  it('an instant before the start, across two earlier clock changes, reads the offset of its own day', () => {
    const zone = new ZoneOffsets('Europe/London', Date.UTC(2022, 5, 1));
    // Ahead of the start first, then back past the spring and autumn changes of 2021.
    expect(zone.offsetSeconds(Date.UTC(2022, 6, 1))).toBe(3600);
    expect(zone.offsetSeconds(Date.UTC(2022, 0, 15))).toBe(0);
    expect(zone.offsetSeconds(Date.UTC(2021, 6, 1))).toBe(3600);
    expect(zone.offsetSeconds(Date.UTC(2021, 1, 1))).toBe(0);
    // The changes are found to the second, whichever way they were reached.
    expect(zone.offsetSeconds(BST_2021_START - 1000)).toBe(0);
    expect(zone.offsetSeconds(BST_2021_START)).toBe(3600);
    expect(zone.offsetSeconds(BST_2021_END - 1000)).toBe(3600);
    expect(zone.offsetSeconds(BST_2021_END)).toBe(0);
    expect(zone.offsetSeconds(BST_2022_START - 1000)).toBe(0);
    expect(zone.offsetSeconds(BST_2022_START)).toBe(3600);
  });

  it('nextChange from before the start gives the change itself once the stretch behind is known', () => {
    const behind = new ZoneOffsets('Europe/London', Date.UTC(2022, 5, 1));
    expect(behind.nextChange(Date.UTC(2021, 8, 1))).toBe(BST_2021_END);
    // Walking ahead, nextChange may stop early at the end of what is known (never past the change).
    const ahead = new ZoneOffsets('Europe/London', Date.UTC(2021, 0, 1));
    let t = Date.UTC(2021, 8, 1);
    while (ahead.offsetSeconds(t) === 3600) t = ahead.nextChange(t);
    expect(t).toBe(BST_2021_END);
  });
});

describe('ZoneOffsets of one zone and start share what was measured', () => {
  it('a second instance asks Intl nothing the first already measured, and answers as an unshared one does', () => {
    const start = Date.UTC(2023, 0, 1);
    const first = new ZoneOffsets('Europe/London', start);
    for (let t = start; t < start + 365 * 86_400_000; t += 3_600_000) first.offsetSeconds(t);
    const spy = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    try {
      const second = new ZoneOffsets('Europe/London', start);
      for (let t = start; t < start + 300 * 86_400_000; t += 3_600_000) second.offsetSeconds(t);
      expect(spy).not.toHaveBeenCalled();
      // The spy does see a table being measured: another start anchors a table of its own.
      new ZoneOffsets('Europe/London', start + 7);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    // Another anchor (1 ms later) has its own table; both read every instant, change and wall time alike.
    const shared = new ZoneOffsets('Europe/London', start);
    const own = new ZoneOffsets('Europe/London', start + 1);
    for (let t = start - 40 * 86_400_000; t < start + 400 * 86_400_000; t += 3_599_000) {
      expect(shared.offsetSeconds(t)).toBe(own.offsetSeconds(t));
      expect(shared.epochOfLocal(t)).toBe(own.epochOfLocal(t));
      expect(Math.min(shared.nextChange(t), t + 2 * 86_400_000)).toBe(Math.min(own.nextChange(t), t + 2 * 86_400_000));
    }
  });

  it('UTC is read without Intl', () => {
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      const utc = new ZoneOffsets('UTC', Date.UTC(2022, 0, 1));
      expect(utc.offsetSeconds(Date.UTC(2022, 6, 1))).toBe(0);
      expect(utc.epochOfLocal(Date.UTC(2022, 6, 1))).toBe(Date.UTC(2022, 6, 1));
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
