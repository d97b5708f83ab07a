/**
 * Handler registration: what `.on(type, handler)` and `.onAny(handler)` add, and the list each event type runs.
 * @module
 */
import type { EventHandler } from "./types.js";

/**
 * A router's handlers by event type.
 *
 * @example
 * const table = new HandlerTable();
 * table.on("user.created", sendWelcome);
 * table.handlersOf("user.created"); // [sendWelcome, …every onAny handler]
 */
export class HandlerTable {
  readonly #own = new Map<string, EventHandler<unknown>[]>();
  readonly #any: EventHandler<unknown>[] = [];
  // Each registered type's handlers followed by the catch-all ones, rebuilt when a handler is added.
  readonly #routes = new Map<string, readonly EventHandler<unknown>[]>();

  /** Adds a handler for `type`, after the ones it has. */
  on(type: string, handler: EventHandler<unknown>): void {
    const list = this.#own.get(type) ?? [];
    list.push(handler);
    this.#own.set(type, list);
    this.#route();
  }

  /** Adds a handler for every event, after each type's own. */
  onAny(handler: EventHandler<unknown>): void {
    this.#any.push(handler);
    this.#route();
  }

  /** The handlers an event of `type` runs, in order; empty when nothing handles it. */
  handlersOf(type: string): readonly EventHandler<unknown>[] {
    return this.#routes.get(type) ?? this.#any;
  }

  #route(): void {
    this.#routes.clear();
    for (const [type, own] of this.#own) this.#routes.set(type, [...own, ...this.#any]);
  }
}
