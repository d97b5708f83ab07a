/**
 * HubSpot's notification catalogue: each element of a Webhooks API request, typed by its `subscriptionType`.
 *
 * Source: HubSpot/hubspot-api-nodejs @ 395cd9bf `test/unit/signature.spec.ts` (a notification as sent) and HubSpot's
 * Webhooks API reference (the notification fields: `propertyName` / `propertyValue` on property changes). HubSpot
 * publishes no schema for them: only the fields every notification carries and the preset relies on are required.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { shape } from "../kit/shape.js";

/** Every notification of a request. */
export interface HubSpotNotification<Type extends string> {
  /** The event's id: with `portalId` and `subscriptionId`, the dedupe key (not unique on its own). */
  eventId: number;
  subscriptionId: number;
  /** The HubSpot account (hub) id. */
  portalId: number;
  appId?: number;
  /** When the event happened, epoch milliseconds. */
  occurredAt: number;
  subscriptionType: Type;
  /** 0 on the first delivery, then one more on each retry. */
  attemptNumber?: number;
  /** The CRM object's id. */
  objectId?: number;
  /** What made the change: `CRM`, `CRM_UI`, `API`, `IMPORT`, `INTEGRATION`… */
  changeSource?: string;
  /** `NEW`, `MERGED`, `DELETED`… */
  changeFlag?: string;
  /** Who or what made the change: `userId:123`, an app id… */
  sourceId?: string;
}

/** What a `*.propertyChange` notification adds: the property and its new value (always text). */
export interface HubSpotPropertyChange {
  propertyName: string;
  propertyValue?: string;
}

/** What a `*.creation` notification adds: nothing beyond the common fields. */
export type HubSpotCreation = Record<never, never>;

/** What a `*.deletion` notification adds: nothing beyond the common fields. */
export type HubSpotDeletion = Record<never, never>;

/** Any notification this catalogue does not list: the common fields. */
export type HubSpotChange = HubSpotNotification<string>;

/** The HubSpot subscription types listed, each with what its notification adds to the common fields. */
export type HubSpotEventData = {
  "company.creation": HubSpotCreation;
  "company.propertyChange": HubSpotPropertyChange;
  "contact.creation": HubSpotCreation;
  "contact.deletion": HubSpotDeletion;
  "contact.propertyChange": HubSpotPropertyChange;
  "deal.creation": HubSpotCreation;
  "deal.propertyChange": HubSpotPropertyChange;
};

/** HubSpot's notifications: the listed types, and any other with the common fields. */
export type HubSpotEvents = {
  [Type in keyof HubSpotEventData & string]: HubSpotNotification<Type> & HubSpotEventData[Type];
} & { [type: string]: HubSpotChange };

/** The fields every notification carries. */
const common = shape<HubSpotChange>({
  eventId: v.number(),
  subscriptionId: v.number(),
  portalId: v.number(),
  appId: v.optional(v.number()),
  occurredAt: v.number(),
  subscriptionType: v.string(),
  attemptNumber: v.optional(v.number()),
  objectId: v.optional(v.number()),
  changeSource: v.optional(v.string()),
  changeFlag: v.optional(v.string()),
  sourceId: v.optional(v.string()),
});

/** A notification of `type`: the common fields, its `subscriptionType`, and what the type adds. */
function notification<Type extends string, Data>(
  type: Type,
  data: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, HubSpotNotification<Type> & Data> {
  return v.intersect([
    common,
    v.looseObject({ subscriptionType: v.literal(type) }),
    data,
  ]) as unknown as v.GenericSchema<unknown, HubSpotNotification<Type> & Data>;
}

const creation = shape<HubSpotCreation>({});
const propertyChange = shape<HubSpotPropertyChange>({
  propertyName: v.string(),
  propertyValue: v.optional(v.string()),
});

/**
 * The runtime schemas of the listed HubSpot notifications (Standard Schema v1).
 *
 * @example
 * const result = await hubspotCatalogue["contact.creation"]["~standard"].validate(notification);
 */
export const hubspotCatalogue: EventCatalogue<HubSpotEvents> = catalogue<HubSpotEvents, HubSpotEventData>(
  notification,
  {
    "company.creation": creation,
    "company.propertyChange": propertyChange,
    "contact.creation": creation,
    "contact.deletion": creation,
    "contact.propertyChange": propertyChange,
    "deal.creation": creation,
    "deal.propertyChange": propertyChange,
  },
);
