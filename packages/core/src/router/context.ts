/**
 * The context a handler receives next to the payload.
 * @module
 */
import type { WebhookVerificationError } from "../errors.js";
import type { VerifiedEvent, WebhookContext } from "./types.js";

/**
 * A handler's context. Its `signal` is made on first read: most handlers never read it, and an
 * `AbortController` costs microseconds per delivery in Node's EventTarget.
 */
export class DeliveryContext implements WebhookContext {
  readonly type: string;
  readonly id: string;
  readonly provider: string;
  readonly timestamp: number | undefined;
  readonly raw: Uint8Array;
  readonly keyIndex: number;
  #controller: AbortController | undefined;
  #reason: WebhookVerificationError | undefined;

  constructor(event: VerifiedEvent) {
    this.type = event.type;
    this.id = event.id;
    this.provider = event.provider;
    this.timestamp = event.timestamp;
    this.raw = event.raw;
    this.keyIndex = event.keyIndex;
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#reason !== undefined) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** Aborts `context.signal` (now, or when it is first read) with `reason`; the first reason stays. */
  static abort(context: DeliveryContext, reason: WebhookVerificationError): void {
    if (context.#reason !== undefined) return;
    context.#reason = reason;
    context.#controller?.abort(reason);
  }
}
