/**
 * Stripe's own event types, from the `stripe` package when the app has it installed (an optional peer
 * dependency, read with `import type` only: nothing of it reaches the bundle). Without it, `OfficialStripeEvent`
 * is `any` and {@link StripeEvents} falls back to the envelope types of events.ts.
 *
 * Source: stripe-node 23.1.0 `cjs/resources/Events.d.ts` (`Stripe.Event`, the union of every event, each with its
 * `type` literal and `data.object` resource).
 * @module
 */
// biome-ignore lint/suspicious/noTsIgnore: the import must pass both with and without the optional peer installed.
// @ts-ignore: `stripe` is an optional peer dependency; without it this import is `any`, which the types below detect.
import type { Stripe as StripeNamespace } from "stripe";
import type { StripeEvent, StripeEventData } from "./events.js";

/** `Stripe.Event` when `stripe` is installed, else `any`. */
type OfficialStripeEvent = StripeNamespace.Event;

/** `true` when `T` is `any`: the optional peer is not installed. */
type IsAny<T> = 0 extends 1 & T ? true : false;

/** Every type of Stripe's event union, each to its event interface (`Stripe.InvoicePaidEvent`). */
type Official = { [Event in OfficialStripeEvent as Event["type"]]: Event };

/** The envelope types, for the listed event types, when `stripe` is not installed. */
type Envelope = { [Type in keyof StripeEventData & string]: StripeEvent<Type, StripeEventData[Type]> };

/**
 * Stripe's events: event type → event. With `stripe` installed, each of its event types is its own
 * interface (`"invoice.paid"` → `Stripe.InvoicePaidEvent`, whose `data.object` is a `Stripe.Invoice`); without it,
 * the envelope types. Any other type has the envelope either way. At run time only the envelope is validated:
 * `data.object` follows the endpoint's API version, which may not be the one your `stripe` types describe.
 */
export type StripeEvents = (IsAny<OfficialStripeEvent> extends true ? Envelope : Official) & {
  [type: string]: StripeEvent<string>;
};
