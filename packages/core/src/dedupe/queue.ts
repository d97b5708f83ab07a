/**
 * A first-in, first-out queue on an array: O(1) push and shift, without `Array#shift`'s copying.
 * @module
 */

/**
 * A FIFO queue. Items taken from the front are dropped from the array once they are half of it.
 *
 * @example
 * const queue = new Queue<string>();
 * queue.push("a");
 * queue.shift(); // "a"
 */
export class Queue<Item> {
  private items: Item[] = [];
  private head = 0;

  /** Items still queued. */
  get size(): number {
    return this.items.length - this.head;
  }

  push(item: Item): void {
    this.items.push(item);
  }

  peek(): Item | undefined {
    return this.items[this.head];
  }

  shift(): Item | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    // Let the item be collected now, not when the array is next trimmed.
    (this.items as (Item | undefined)[])[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Keeps only the items `keep` accepts, in order: for dropping many stale items at once. */
  filter(keep: (item: Item) => boolean): void {
    this.items = this.items.slice(this.head).filter((item) => keep(item));
    this.head = 0;
  }
}
