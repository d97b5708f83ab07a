/**
 * Tesseral's event catalogue: the one list of its event types, each with the id it names.
 *
 * No schema upstream: the payload maps passed to Svix's `Message.Create` in tesseral-labs/tesseral
 * (eaf6e666) `internal/backend/store/{users,organizations}.go`, `internal/frontend/store/{users,organizations}.go`,
 * `internal/intermediate/store/{exchange,organizations}.go`: always both keys, both strings.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { shape } from "../kit/shape.js";

/** Every Tesseral event: its `type` beside the one id it names, nothing else. */
export type TesseralEvent<Type extends string, Body> = { type: Type } & Body;

/** What `sync.user` names. */
export interface TesseralUserRef {
  /** `user_` followed by 25 characters of `[0-9a-z]`. */
  userId: string;
}

/** What `sync.organization` names. */
export interface TesseralOrganizationRef {
  /** `org_` followed by 25 characters of `[0-9a-z]`. */
  organizationId: string;
}

/** Tesseral's event types and the id each names. */
export type TesseralEventData = {
  /**
   * A user was created, updated or deleted: the event says which user, nothing else. Fetch it with
   * Tesseral's `GetUser`; a 404 means it was deleted.
   */
  "sync.user": TesseralUserRef;
  /** An organization was created, updated or deleted. Fetch it with `GetOrganization`; a 404 means it was deleted. */
  "sync.organization": TesseralOrganizationRef;
};

/** Tesseral's events: event type → payload. */
export type TesseralEvents = {
  [Type in keyof TesseralEventData & string]: TesseralEvent<Type, TesseralEventData[Type]>;
};

/** `sync.user`: `{ type, userId }`. */
export type TesseralSyncUser = TesseralEvents["sync.user"];

/** `sync.organization`: `{ type, organizationId }`. */
export type TesseralSyncOrganization = TesseralEvents["sync.organization"];

/** `{ type, …body }` for one event type. */
function tesseralEvent<Type extends string, Body>(
  type: Type,
  body: v.GenericSchema<unknown, Body>,
): v.GenericSchema<unknown, TesseralEvent<Type, Body>> {
  return v.intersect([v.looseObject({ type: v.literal(type) }), body]) as v.GenericSchema<
    unknown,
    TesseralEvent<Type, Body>
  >;
}

/**
 * The runtime schemas of Tesseral's events (Standard Schema v1).
 *
 * @example
 * const result = await tesseralCatalogue["sync.user"]["~standard"].validate(body);
 */
export const tesseralCatalogue: EventCatalogue<TesseralEvents> = catalogue<TesseralEvents, TesseralEventData>(
  tesseralEvent,
  {
    "sync.user": shape<TesseralUserRef>({ userId: v.string() }),
    "sync.organization": shape<TesseralOrganizationRef>({ organizationId: v.string() }),
  },
);
