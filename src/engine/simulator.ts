import FastPriorityQueue from 'fastpriorityqueue';
import type { EventAction, EventHandle } from './event-slots.js';
import { EventSlots, ScheduledEvent } from './event-slots.js';
import { FarFuture } from './far-future.js';
import { MAX_PRIORITY, SameInstant } from './priorities.js';

export type { EventAction, EventHandle } from './event-slots.js';

// Priority and sequence number share one number so the heap compares two keys, not three:
// order = priority * 2^44 + sequence. 2^44 events (1.7e13) is far beyond any run; the product
// stays below 2^53, so the packing is exact.
const SEQUENCE_SPAN = 2 ** 44;

/**
 * The far tier's bucket width (seconds, a power of two) and ring size; see `FarFuture`. For tests
 * and benchmarks: the run order does not depend on them, only the speed.
 */
export interface SimulatorTuning {
  bucketSeconds?: number;
  buckets?: number;
}

// Heap comparisons on the Avon and Somerset baseline, 365 days (59.3 M with one heap): 17.0 M with
// 256 s buckets, 21.0 M with 1,024 s, 23.4 M with 2,048 s, 26.0 M with 4,096 s, 31.1 M with
// 16,384 s. Narrower buckets move more events through the tier's arrays; on the mixed-horizon hold
// bench 256 s and 1,024 s ran alike and 2,048 s or wider about 5% slower. 2,048 buckets of 1,024 s
// reach 24 days ahead, past a repeat caller's longest wait to call again (21 days).
const BUCKET_SECONDS = 2 ** 10;
const BUCKETS = 2048;

/**
 * A discrete-event simulator: the current time and a future-event list ordered by
 * (time, same-instant priority, sequence number): a heap for the near future and a far tier of
 * time buckets (`FarFuture`) for later events. Cancelled events are marked and skipped when they
 * reach the root (or dropped when their bucket opens), because removing from inside a heap costs
 * a search.
 */
export class Simulator {
  // fastpriorityqueue (the project's chosen heap). A heap of parallel typed arrays measured about
  // 25% faster on the hold model; the library is kept, as the project's dependency card says.
  private readonly slots = new EventSlots();
  private readonly queue: FastPriorityQueue<number>;
  /** Events due at or after `windowEnd`, out of the heap until their time bucket opens. */
  private readonly far: FarFuture;
  /** The end of the heap's window: an event due before it goes in the heap, a later one in `far`. */
  private windowEnd = 0;
  /** The array last given to the heap (`heapify`), recycled when the next bucket replaces it. */
  private heapArray: number[] | undefined;
  private sequence = 0;
  /**
   * Initialised here, not only in the constructor: a class field declared without a value starts
   * as undefined, and V8 then keeps it as a tagged field, so every store of a fractional time
   * allocated a heap number (one per event: 40 of the lane hold's 40 scavenges per 4 M events
   * were these, 9 are left). Started as a number, the field holds its double in place.
   */
  private currentTime = 0;
  /** Events cancelled before they ran: `pending` is the events scheduled less those run or cancelled. */
  private cancelled = 0;
  /**
   * True while an event's action runs and the event is still at the root. The first event the
   * action schedules replaces it there (one sift-down instead of a sift-down to remove it and a
   * sift-up to add the new one); when the action schedules nothing it is removed after the action.
   */
  private runningAtRoot = false;
  /**
   * Events run from the heap, and from lanes (never in the heap). Each event adds to one count and
   * no count of pending events is kept: both follow from these and the sequence counter.
   */
  private heapEventsRun = 0;
  private laneRuns = 0;

  // Lanes: sources that keep their one pending event outside the heap (see `openLane`).
  private readonly laneTimes: number[] = [];
  private readonly laneOrders: number[] = [];
  private readonly laneActions: EventAction<unknown>[] = [];
  private readonly lanePayloads: unknown[] = [];
  private readonly lanePending: boolean[] = [];
  /** The lane whose pending event comes first (-1: none pending), and that event's keys. */
  private nextLane = -1;
  private nextLaneTime = Infinity;
  private nextLaneOrder = Infinity;

  constructor(startTime = 0, tuning: SimulatorTuning = {}) {
    if (!Number.isFinite(startTime)) throw new RangeError(`start time must be finite, got ${startTime}`);
    this.currentTime = startTime;
    this.queue = new FastPriorityQueue<number>(this.slots.earlier);
    this.far = new FarFuture(this.slots, startTime, tuning.bucketSeconds ?? BUCKET_SECONDS, tuning.buckets ?? BUCKETS);
    this.windowEnd = this.far.windowEnd;
  }

  /** Current simulated time in seconds. It never decreases. */
  get now(): number {
    return this.currentTime;
  }

  /** Events scheduled and neither run nor cancelled (every schedule takes one sequence number). */
  get pending(): number {
    return this.sequence - this.heapEventsRun - this.laneRuns - this.cancelled;
  }

  /** Events run so far (cancelled ones are not counted), lane events included. */
  get eventsRun(): number {
    return this.heapEventsRun + this.laneRuns;
  }

  /** Of `eventsRun`, those that came from lanes (they never entered the heap). */
  get laneEventsRun(): number {
    return this.laneRuns;
  }

  /** Schedule `action(payload)` at absolute time `at` (not before now); the handle cancels it. */
  schedule<P>(at: number, action: EventAction<P>, payload: P, priority: number = SameInstant.arrival): EventHandle {
    const event = new ScheduledEvent(at);
    this.enqueue(at, action as EventAction<unknown>, payload, priority, event);
    return event;
  }

  /**
   * Schedule `action(payload)` at `at` like `schedule`, for an event that will never be cancelled:
   * no handle is made, so the event costs no allocation (a talk's end, an arrival, a travel leg).
   */
  post<P>(at: number, action: EventAction<P>, payload: P, priority: number = SameInstant.arrival): void {
    this.enqueue(at, action as EventAction<unknown>, payload, priority, undefined);
  }

  /** The order key of an event scheduled now at `at` (checked), taking the next sequence number. */
  private order(at: number, priority: number): number {
    // One test on the usual path (MAX_PRIORITY is all ones in binary, so the mask test admits
    // exactly the integers 0..MAX_PRIORITY); the reason is worked out only when it fails.
    if (at >= this.currentTime && at < Infinity && (priority & MAX_PRIORITY) === priority) {
      return priority * SEQUENCE_SPAN + this.sequence++;
    }
    return this.rejectSchedule(at, priority);
  }

  private rejectSchedule(at: number, priority: number): never {
    if (!(at >= this.currentTime)) {
      throw new RangeError(`cannot schedule at ${at}: it is before the current time ${this.currentTime} or not a number`);
    }
    if (at === Infinity) throw new RangeError('cannot schedule at an infinite time');
    throw new RangeError(`priority must be an integer in [0, ${MAX_PRIORITY}], got ${priority}`);
  }

  private enqueue(at: number, action: EventAction<unknown>, payload: unknown, priority: number, event: ScheduledEvent | undefined): void {
    const order = this.order(at, priority);
    if (this.runningAtRoot && at < this.windowEnd) {
      // The running event's slot takes the new event: its action and payload were read before the
      // action ran, so the slot is free, and the heap already holds it at the root.
      this.runningAtRoot = false;
      const slot = this.queue.peek() as number;
      this.slots.fill(slot, at, order, action, payload, event);
      this.queue.replaceTop(slot);
      return;
    }
    const slot = this.slots.take(at, order, action, payload, event);
    if (at >= this.windowEnd && this.far.add(slot, at)) return;
    if (this.runningAtRoot) {
      this.runningAtRoot = false;
      this.slots.release(this.queue.replaceTop(slot) as number);
    } else {
      this.queue.add(slot);
    }
  }

  /**
   * A lane: an event source with at most one pending event at a time, kept outside the heap, for
   * a stream of events each of which posts the next (a channel's arrivals). The run loop takes
   * the earlier of the heap's root and the first pending lane event by the same (time, priority,
   * sequence) key, and a lane event takes its sequence number from the same counter when posted,
   * so events run in exactly the order they would through the heap; each saves a heap push and
   * pop. Returns the lane's number for `postOnLane`.
   */
  openLane<P>(action: EventAction<P>, payload: P): number {
    this.laneTimes.push(Infinity);
    this.laneOrders.push(Infinity);
    this.laneActions.push(action as EventAction<unknown>);
    this.lanePayloads.push(payload);
    this.lanePending.push(false);
    return this.laneTimes.length - 1;
  }

  /** Post the lane's next event at `at` (not before now); the lane must have none pending. */
  postOnLane(lane: number, at: number, priority: number = SameInstant.arrival): void {
    if (!(lane >= 0 && lane < this.lanePending.length) || this.lanePending[lane]) {
      throw new RangeError(`lane ${lane} is not open or already has a pending event`);
    }
    const order = this.order(at, priority);
    this.laneTimes[lane] = at;
    this.laneOrders[lane] = order;
    this.lanePending[lane] = true;
    if (this.nextLane < 0 || at < this.nextLaneTime || (at === this.nextLaneTime && order < this.nextLaneOrder)) {
      this.nextLane = lane;
      this.nextLaneTime = at;
      this.nextLaneOrder = order;
    }
  }

  /** Schedule `action(payload)` after `delay` seconds (delay >= 0). */
  scheduleAfter<P>(delay: number, action: EventAction<P>, payload: P, priority: number = SameInstant.arrival): EventHandle {
    if (!(delay >= 0)) throw new RangeError(`delay must be a non-negative number, got ${delay}`);
    return this.schedule(this.currentTime + delay, action, payload, priority);
  }

  /** Cancel a scheduled event. Cancelling one that already ran or was cancelled does nothing. */
  cancel(handle: EventHandle): void {
    const event = handle as ScheduledEvent;
    if (event.done) return;
    event.done = true;
    this.cancelled++;
  }

  /** Run the next live event. Returns false when none is left. */
  step(): boolean {
    this.settleRoot();
    try {
      const slot = this.liveRoot();
      if (this.laneFirst(slot)) {
        this.fireLane(this.nextLane);
        return true;
      }
      if (slot < 0) return false;
      this.fire(slot, this.slots.events[slot]);
      return true;
    } finally {
      this.settleRoot();
    }
  }

  /**
   * Run events in order. With `until`, runs every event due at or before `until` and leaves the
   * clock at `until`; without it, runs until no event is left.
   */
  run(until?: number): void {
    const limit = until ?? Infinity;
    if (until !== undefined && !(until >= this.currentTime)) {
      throw new RangeError(`cannot run until ${until}: the clock is already at ${this.currentTime}`);
    }
    this.settleRoot();
    // One loop with the heap's live root, the lane race and the firing written out (what
    // `liveRoot`, `laneFirst`, `fire` and `fireLane` do for `step`), so an event costs no calls
    // but its action's. The slot arrays other than the keys are never replaced (`grow` lengthens
    // them), so they are read once; the keys are read through `slots` after every action.
    const queue = this.queue;
    const slots = this.slots;
    const events = slots.events;
    const actions = slots.actions;
    const payloads = slots.payloads;
    try {
      for (;;) {
        let slot = -1;
        while (queue.size > 0 || this.openBucket()) {
          const root = queue.peek() as number;
          const event = events[root];
          if (event === undefined || !event.done) {
            slot = root;
            break;
          }
          this.pop();
        }
        const lane = this.nextLane;
        if (lane >= 0) {
          const laneTime = this.nextLaneTime;
          if (slot < 0 || laneTime < slots.times[slot] || (laneTime === slots.times[slot] && this.nextLaneOrder < slots.orders[slot])) {
            if (laneTime > limit) break;
            this.fireLane(lane);
            continue;
          }
        }
        if (slot < 0) break;
        const time = slots.times[slot];
        if (time > limit) break;
        const event = events[slot];
        if (event !== undefined) event.done = true;
        this.currentTime = time;
        this.heapEventsRun++;
        this.runningAtRoot = true;
        // Both read before the action runs: its first schedule writes its event into this slot.
        (actions[slot] as EventAction<unknown>)(payloads[slot], this);
        if (this.runningAtRoot) {
          this.runningAtRoot = false;
          this.pop();
        }
      }
    } finally {
      this.settleRoot();
    }
    if (until !== undefined) this.currentTime = until;
  }

  /** Time of the next live event, or Infinity when none is left. */
  peekTime(): number {
    this.settleRoot();
    const slot = this.liveRoot();
    if (this.laneFirst(slot)) return this.nextLaneTime;
    return slot < 0 ? Infinity : this.slots.times[slot];
  }

  /**
   * The first live event of the heap and the far tier, or -1 when neither holds one. It is the
   * heap's root after dropping cancelled events; when the heap runs dry the next time bucket of
   * the far tier opens into it (all its events come after every event the heap held).
   */
  private liveRoot(): number {
    const queue = this.queue;
    const events = this.slots.events;
    for (;;) {
      while (queue.size > 0) {
        const slot = queue.peek() as number;
        const event = events[slot];
        if (event === undefined || !event.done) return slot;
        this.pop();
      }
      if (!this.openBucket()) return -1;
    }
  }

  /** Move the far tier's next bucket into the (empty) heap. False when the far tier is empty. */
  private openBucket(): boolean {
    if (this.far.size === 0) return false;
    const bucket = this.far.openNext();
    if (bucket === undefined) return false;
    this.windowEnd = this.far.windowEnd;
    // heapify adopts the array; the one it adopted last time is free again.
    if (this.heapArray !== undefined) this.far.recycle(this.heapArray);
    this.heapArray = bucket;
    this.queue.heapify(bucket);
    return true;
  }

  /** True when a lane's pending event comes before the heap's live root `slot` (-1: none). */
  private laneFirst(slot: number): boolean {
    if (this.nextLane < 0) return false;
    if (slot < 0) return true;
    const t = this.slots.times[slot];
    return this.nextLaneTime < t || (this.nextLaneTime === t && this.nextLaneOrder < this.slots.orders[slot]);
  }

  /** Run the pending event of `lane` (the first of the lanes, before the heap's root). */
  private fireLane(lane: number): void {
    this.lanePending[lane] = false;
    this.currentTime = this.laneTimes[lane];
    this.laneRuns++;
    // The next lane in line (the action may post on this one again, which re-enters the race).
    let next = -1;
    let nextTime = Infinity;
    let nextOrder = Infinity;
    const pending = this.lanePending;
    for (let i = 0; i < pending.length; i++) {
      if (!pending[i]) continue;
      const t = this.laneTimes[i];
      const o = this.laneOrders[i];
      if (next < 0 || t < nextTime || (t === nextTime && o < nextOrder)) {
        next = i;
        nextTime = t;
        nextOrder = o;
      }
    }
    this.nextLane = next;
    this.nextLaneTime = nextTime;
    this.nextLaneOrder = nextOrder;
    this.laneActions[lane](this.lanePayloads[lane], this);
  }

  /**
   * Run `event`, which is at the root of the heap, and make sure it leaves the heap. Callers wrap
   * their loop (not each event: that cost 4% of the hold model) in try/finally with settleRoot,
   * so an action that throws still leaves the heap consistent.
   */
  private fire(slot: number, event: ScheduledEvent | undefined): void {
    if (event !== undefined) event.done = true;
    const slots = this.slots;
    this.currentTime = slots.times[slot];
    this.heapEventsRun++;
    this.runningAtRoot = true;
    // Read before the action runs: its first schedule reuses the root and may free this slot.
    (slots.actions[slot] as EventAction<unknown>)(slots.payloads[slot], this);
    this.settleRoot();
  }

  /** Remove the running event from the root now (before anything else reads the heap). */
  private settleRoot(): void {
    if (this.runningAtRoot) {
      this.runningAtRoot = false;
      this.pop();
    }
  }

  /** Remove the root of the heap and free its slot. */
  private pop(): void {
    this.slots.release(this.queue.poll() as number);
  }
}
