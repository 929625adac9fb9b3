// fastpriorityqueue ships no types; this covers the part of its API callsim uses.
declare module 'fastpriorityqueue' {
  export default class FastPriorityQueue<T> {
    constructor(comparator?: (a: T, b: T) => boolean);
    size: number;
    array: T[];
    add(value: T): void;
    /** Adopt `array` (not copied) as the heap's contents and order it, in linear time. */
    heapify(array: T[]): void;
    poll(): T | undefined;
    replaceTop(value: T): T | undefined;
    peek(): T | undefined;
    isEmpty(): boolean;
    clear(): void;
    trim(): void;
  }
}
