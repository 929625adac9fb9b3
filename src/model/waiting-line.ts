/**
 * A FIFO line of waiting entries with removal by marking: an entry that leaves from the middle
 * (abandons, accepts a callback elsewhere) is marked by the owner and skipped when it reaches the
 * head. A growable ring buffer, so steady traffic allocates nothing.
 */
export class WaitingLine<T extends { waiting: boolean }> {
  private items: (T | undefined)[];
  private head = 0;
  private tail = 0;
  private mask: number;

  constructor(initialCapacity = 64) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.items = new Array<T | undefined>(capacity);
    this.mask = capacity - 1;
  }

  /** Entries held, marked ones included. */
  get held(): number {
    return (this.tail - this.head) & this.mask;
  }

  push(item: T): void {
    this.items[this.tail] = item;
    this.tail = (this.tail + 1) & this.mask;
    if (this.tail === this.head) this.grow();
  }

  /** First entry still waiting (marked ones at the head are dropped), or undefined. */
  peek(): T | undefined {
    const items = this.items;
    while (this.head !== this.tail) {
      const item = items[this.head] as T;
      if (item.waiting) return item;
      items[this.head] = undefined;
      this.head = (this.head + 1) & this.mask;
    }
    return undefined;
  }

  /** Remove and return the first entry still waiting. */
  shift(): T | undefined {
    const item = this.peek();
    if (item !== undefined) {
      this.items[this.head] = undefined;
      this.head = (this.head + 1) & this.mask;
    }
    return item;
  }

  /** Visit every held entry from head to tail (marked ones included). */
  forEach(visit: (item: T) => void): void {
    for (let i = this.head; i !== this.tail; i = (i + 1) & this.mask) visit(this.items[i] as T);
  }

  private grow(): void {
    const old = this.items;
    const capacity = old.length * 2;
    const next = new Array<T | undefined>(capacity);
    // The buffer is full: head === tail; copy from head around to the end.
    for (let i = 0; i < old.length; i++) next[i] = old[(this.head + i) & this.mask];
    this.items = next;
    this.head = 0;
    this.tail = old.length;
    this.mask = capacity - 1;
  }
}
