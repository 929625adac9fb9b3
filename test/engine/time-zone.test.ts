import { describe, expect, it } from 'vitest';
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
