/**
 * A binary min-heap over items ordered by a number they carry: what `memoryStore` uses to find, in
 * O(log n), the entry whose hold ends first.
 * @module
 */

/**
 * A min-heap of items by `at(item)`, which must not change while the item is in the heap.
 *
 * @example
 * const heap = new MinHeap<{ until: number }>((item) => item.until);
 * heap.push({ until: 5 });
 * heap.peek()?.until; // 5
 */
export class MinHeap<Item> {
  private items: Item[] = [];
  private readonly at: (item: Item) => number;

  constructor(at: (item: Item) => number) {
    this.at = at;
  }

  get size(): number {
    return this.items.length;
  }

  peek(): Item | undefined {
    return this.items[0];
  }

  push(item: Item): void {
    const { items, at } = this;
    let i = items.push(item) - 1;
    const value = at(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent] as Item;
      if (at(above) <= value) break;
      items[i] = above;
      i = parent;
    }
    items[i] = item;
  }

  pop(): Item | undefined {
    const { items } = this;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) this.sink(last);
    return top;
  }

  /** Keeps only the items `keep` accepts: for dropping many stale items at once. */
  filter(keep: (item: Item) => boolean): void {
    const { at } = this;
    // A sorted array is a valid heap.
    this.items = this.items.filter(keep).sort((a, b) => at(a) - at(b));
  }

  private sink(item: Item): void {
    const { items, at } = this;
    const value = at(item);
    const n = items.length;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && at(items[right] as Item) < at(items[child] as Item)) child = right;
      const below = items[child] as Item;
      if (at(below) >= value) break;
      items[i] = below;
      i = child;
    }
    items[i] = item;
  }
}
