/**
 * Vercel's event catalogue: `{ id, type, createdAt, region, payload }`, with the deployment and project events'
 * `payload` typed at the ids handlers key on.
 *
 * Source: vercel.com/docs/webhooks/webhooks-api ("Payload", "Supported event types": the fields of each event's
 * `payload`).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, shape } from "../kit/shape.js";

/** Every Vercel event. */
export interface VercelEvent<Type extends string, Payload> {
  /** The delivery's id (signed, inside the body): the dedupe key. */
  id: string;
  type: Type;
  /** When the event was generated, ms since the epoch (signed: the replay bound). */
  createdAt: number;
  region?: string | null;
  payload: Payload;
}

/** What a deployment event's `payload` carries. */
export interface VercelDeploymentPayload {
  team?: { id: string } | null;
  user: { id: string };
  deployment: {
    id: string;
    /** The deployment's URL, without a scheme. */
    url: string;
    name: string;
    /** Git metadata and anything set with `--meta`. */
    meta?: Record<string, unknown>;
  };
  project: { id: string };
  /** `production`, or `null` for a preview. */
  target?: string | null;
  links?: { deployment: string; project: string };
  plan?: string;
  regions?: string[];
}

/** What `project.created` carries. */
export interface VercelProjectPayload {
  team?: { id: string } | null;
  user: { id: string };
  project: { id: string; name: string };
}

/** The Vercel event types listed, each with its `payload`. */
export type VercelEventData = {
  "deployment.created": VercelDeploymentPayload;
  "deployment.succeeded": VercelDeploymentPayload;
  "deployment.error": VercelDeploymentPayload;
  "project.created": VercelProjectPayload;
};

/** Vercel's events: the listed types, and any other type with the envelope. */
export type VercelEvents = {
  [Type in keyof VercelEventData & string]: VercelEvent<Type, VercelEventData[Type]>;
} & { [type: string]: VercelEvent<string, Record<string, unknown>> };

const id = shape<{ id: string }>({ id: v.string() });
const team = v.nullish(id);

const deployment = shape<VercelDeploymentPayload>({
  team,
  user: id,
  deployment: shape<VercelDeploymentPayload["deployment"]>({
    id: v.string(),
    url: v.string(),
    name: v.string(),
    meta: v.optional(jsonObject),
  }),
  project: id,
  target: v.nullish(v.string()),
  links: v.optional(
    shape<{ deployment: string; project: string }>({ deployment: v.string(), project: v.string() }),
  ),
  plan: v.optional(v.string()),
  regions: v.optional(v.array(v.string())),
});

/** The envelope around one type's `payload`. */
function vercelEvent<Type extends string, Payload>(
  type: Type,
  payload: v.GenericSchema<unknown, Payload>,
): v.GenericSchema<unknown, VercelEvent<Type, Payload>> {
  return v.looseObject({
    id: v.string(),
    type: v.literal(type),
    createdAt: v.number(),
    region: v.nullish(v.string()),
    payload,
  }) as v.GenericSchema<unknown, VercelEvent<Type, Payload>>;
}

/**
 * The runtime schemas of the listed Vercel events (Standard Schema v1).
 *
 * @example
 * const result = await vercelCatalogue["deployment.succeeded"]["~standard"].validate(body);
 */
export const vercelCatalogue: EventCatalogue<VercelEvents> = catalogue<VercelEvents, VercelEventData>(
  vercelEvent,
  {
    "deployment.created": deployment,
    "deployment.succeeded": deployment,
    "deployment.error": deployment,
    "project.created": shape<VercelProjectPayload>({
      team,
      user: id,
      project: shape<{ id: string; name: string }>({ id: v.string(), name: v.string() }),
    }),
  },
);
