/**
 * Replicate's event catalogue. A delivery is the prediction itself, as `GET /v1/predictions/{id}` returns it; it
 * has no type field, so the routed type is `prediction.${status}`.
 *
 * Source: `replicate` 1.4.0 `index.d.ts` (`Prediction`, `Status`), and replicate.com/docs/topics/webhooks
 * (receive-webhook's example body; the `start`, `output`, `logs`, `completed` filters).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

/** A prediction's status (`Status`). */
export type ReplicateStatus = "starting" | "processing" | "succeeded" | "failed" | "canceled";

/** A prediction (`Prediction`), the body of every delivery. */
export interface ReplicatePrediction<Status extends string = ReplicateStatus> {
  /** The prediction's id: the same on every delivery about it (start, output, logs, completed). */
  id: string;
  status: Status;
  /** The model version's id. */
  version: string;
  /** `owner/name`. */
  model?: string;
  input: Record<string, unknown>;
  /** Model-specific: a URL, a list of URLs, text… `null` until there is output. */
  output?: unknown;
  error?: unknown;
  logs?: string | null;
  /** `api` or `web`. */
  source?: "api" | "web" | (string & Record<never, never>);
  created_at: string;
  started_at?: string | null;
  completed_at?: string | null;
  /** `{ predict_time }`, seconds, once it completed. */
  metrics?: Record<string, unknown>;
  /** `get`, `cancel`, `stream`, `web`. */
  urls: Record<string, unknown>;
  /** The prediction's inputs and outputs were deleted (after an hour, for API predictions). */
  data_removed?: boolean;
  webhook?: string;
  webhook_events_filter?: string[];
}

/** The types routed: `prediction.` and the delivery's status. */
export type ReplicateEventData = {
  "prediction.starting": ReplicatePrediction<"starting">;
  "prediction.processing": ReplicatePrediction<"processing">;
  "prediction.succeeded": ReplicatePrediction<"succeeded">;
  "prediction.failed": ReplicatePrediction<"failed">;
  "prediction.canceled": ReplicatePrediction<"canceled">;
};

/** Replicate's events: a prediction by status, and any other with the prediction's shape. */
export type ReplicateEvents = ReplicateEventData & { [type: string]: ReplicatePrediction<string> };

const fields = {
  id: v.string(),
  version: v.string(),
  model: v.optional(v.string()),
  input: jsonObject,
  output: v.optional(v.unknown()),
  error: v.optional(v.unknown()),
  logs: v.nullish(v.string()),
  source: v.optional(openString<"api" | "web">()),
  created_at: v.string(),
  started_at: v.nullish(v.string()),
  completed_at: v.nullish(v.string()),
  metrics: v.optional(jsonObject),
  urls: jsonObject,
  data_removed: v.optional(v.boolean()),
  webhook: v.optional(v.string()),
  webhook_events_filter: v.optional(v.array(v.string())),
};

/** The prediction with one status: every field checked against the interface, `status` the routed one. */
function prediction<Status extends ReplicateStatus>(
  status: Status,
): v.GenericSchema<unknown, ReplicatePrediction<Status>> {
  const schema = shape<ReplicatePrediction<string>>({ ...fields, status: v.literal<string>(status) });
  return schema as unknown as v.GenericSchema<unknown, ReplicatePrediction<Status>>;
}

/** The body is the payload: the prediction, routed by its status. */
function replicateEvent<Data>(
  _type: string,
  body: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, Data> {
  return body;
}

/**
 * The runtime schemas of Replicate's deliveries by status (Standard Schema v1).
 *
 * @example
 * const result = await replicateCatalogue["prediction.succeeded"]["~standard"].validate(body);
 */
export const replicateCatalogue: EventCatalogue<ReplicateEvents> = catalogue<
  ReplicateEvents,
  ReplicateEventData
>(replicateEvent, {
  "prediction.starting": prediction("starting"),
  "prediction.processing": prediction("processing"),
  "prediction.succeeded": prediction("succeeded"),
  "prediction.failed": prediction("failed"),
  "prediction.canceled": prediction("canceled"),
});
