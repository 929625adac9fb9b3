import FastPriorityQueue from 'fastpriorityqueue';
import type { EventSlots } from './event-slots.js';

/**
 * The far tier of the future-event list: events due after the heap's current window, kept out of
 * the heap in time buckets (plain arrays of slot numbers) and handed to it a bucket at a time.
 *
 * Time is cut into buckets `bucketSeconds` wide (a power of two, so `time / bucketSeconds` is
 * exact). The heap holds every event of the window bucket and before; this store holds every
 * later one. A bucket's events all come before the next bucket's, so when the heap runs dry the
 * next non-empty bucket becomes the window and its events the heap's, and events run in exactly
 * the (time, order) sequence one heap would give: each keeps the keys it was posted with.
 *
 * The buckets after the window sit in a ring of `ringSize` arrays; an event further ahead than
 * the ring reaches waits in an overflow heap (by time) until the window comes near enough. A
 * cancelled event is dropped when its bucket opens and never enters the heap.
 */
export class FarFuture {
  /** Bucket number of the window: the heap holds its events; this store holds later ones. */
  private window: number;
  /** Ring position of the window bucket (always empty: its events are in the heap). */
  private windowPosition = 0;
  private readonly ring: number[][] = [];
  private readonly mask: number;
  /** Events in the ring (cancelled ones included until their bucket opens). */
  private inRing = 0;
  private readonly overflow: FastPriorityQueue<number>;
  private readonly inverseBucketSeconds: number;
  /** An emptied array to put in the ring in place of the next bucket taken from it. */
  private spare: number[] = [];

  constructor(
    private readonly slots: EventSlots,
    startTime: number,
    private readonly bucketSeconds: number,
    private readonly ringSize: number,
  ) {
    if (!(bucketSeconds > 0 && 2 ** Math.round(Math.log2(bucketSeconds)) === bucketSeconds)) {
      throw new RangeError(`bucket width must be a power of two seconds, got ${bucketSeconds}`);
    }
    if (!(ringSize >= 2 && 2 ** Math.round(Math.log2(ringSize)) === ringSize)) {
      throw new RangeError(`ring size must be a power of two of at least 2, got ${ringSize}`);
    }
    this.inverseBucketSeconds = 1 / bucketSeconds;
    this.mask = ringSize - 1;
    for (let i = 0; i < ringSize; i++) this.ring.push([]);
    this.overflow = new FastPriorityQueue<number>(slots.earlier);
    this.window = this.bucketOf(startTime);
  }

  /** Events held (cancelled ones included until their bucket opens). */
  get size(): number {
    return this.inRing + this.overflow.size;
  }

  /** The first time after the window: an event due before it belongs in the heap. */
  get windowEnd(): number {
    return (this.window + 1) * this.bucketSeconds;
  }

  /**
   * Keep `slot` (due at `time`) until its bucket opens. Returns false, keeping nothing, when the
   * event belongs to the window (the caller puts it in the heap).
   */
  add(slot: number, time: number): boolean {
    const bucket = this.bucketOf(time);
    if (!(bucket > this.window)) return false;
    const ahead = bucket - this.window;
    if (ahead < this.ringSize) {
      this.ring[(this.windowPosition + ahead) & this.mask].push(slot);
      this.inRing++;
    } else {
      this.overflow.add(slot);
    }
    return true;
  }

  /**
   * Open the next non-empty bucket: it becomes the window, and its live events are returned (the
   * array is the caller's to keep; cancelled events are released here). Returns undefined when no
   * event is held. Call only when the heap holds no event, so the window may move.
   */
  openNext(): number[] | undefined {
    const slots = this.slots;
    for (;;) {
      this.pullOverflow();
      let bucket: number[];
      if (this.inRing > 0) {
        let ahead = 1;
        let position = (this.windowPosition + 1) & this.mask;
        while (this.ring[position].length === 0) {
          ahead++;
          position = (position + 1) & this.mask;
        }
        bucket = this.ring[position];
        this.ring[position] = this.spare;
        this.inRing -= bucket.length;
        this.window += ahead;
        this.windowPosition = position;
      } else if (this.overflow.size > 0) {
        // The ring is empty: jump the window to the first overflow event's bucket.
        this.window = this.bucketOf(slots.times[this.overflow.peek() as number]);
        bucket = this.spare;
        while (this.overflow.size > 0 && !(this.bucketOf(slots.times[this.overflow.peek() as number]) > this.window)) {
          bucket.push(this.overflow.poll() as number);
        }
      } else {
        return undefined;
      }
      // Drop cancelled events in place.
      const events = slots.events;
      let kept = 0;
      for (let i = 0; i < bucket.length; i++) {
        const slot = bucket[i];
        const event = events[slot];
        if (event !== undefined && event.done) slots.release(slot);
        else bucket[kept++] = slot;
      }
      bucket.length = kept;
      if (kept > 0) {
        this.spare = [];
        return bucket;
      }
      this.spare = bucket;
    }
  }

  /** Hand back an array the caller no longer uses (emptied here), to be the next spare. */
  recycle(array: number[]): void {
    array.length = 0;
    this.spare = array;
  }

  /** Move overflow events whose buckets the ring now reaches into it. */
  private pullOverflow(): void {
    const overflow = this.overflow;
    const times = this.slots.times;
    while (overflow.size > 0) {
      const slot = overflow.peek() as number;
      const ahead = this.bucketOf(times[slot]) - this.window;
      if (ahead >= this.ringSize) return;
      overflow.poll();
      this.ring[(this.windowPosition + ahead) & this.mask].push(slot);
      this.inRing++;
    }
  }

  private bucketOf(time: number): number {
    return Math.floor(time * this.inverseBucketSeconds);
  }
}
