/**
 * OpenAI's event catalogue: `{ id, object, created_at, type, data: { id } }`. Events are thin: `data` names the
 * response, batch or job to fetch from the API.
 *
 * Source: openai-node 6.49.0 `resources/webhooks.d.ts` (`UnwrapWebhookEvent` and its members:
 * `ResponseCompletedWebhookEvent`, `BatchCompletedWebhookEvent`, `FineTuningJobSucceededWebhookEvent`…).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { shape } from "../kit/shape.js";

/** Every OpenAI event. */
export interface OpenAIEvent<Type extends string, Data> {
  /** `evt_…`: the event's id, the dedupe key. */
  id: string;
  object?: "event";
  /** When the event was created, unix **seconds**. */
  created_at: number;
  type: Type;
  data: Data;
}

/** What a thin event's `data` names: the object to fetch (`resp_…`, `batch_…`, `ftjob_…`). */
export interface OpenAIObjectRef {
  id: string;
}

/** The OpenAI event types listed, each with its `data`. */
export type OpenAIEventData = {
  "response.completed": OpenAIObjectRef;
  "response.failed": OpenAIObjectRef;
  "batch.completed": OpenAIObjectRef;
  "fine_tuning.job.succeeded": OpenAIObjectRef;
};

/** OpenAI's events: the listed types, and any other type with the envelope. */
export type OpenAIEvents = {
  [Type in keyof OpenAIEventData & string]: OpenAIEvent<Type, OpenAIEventData[Type]>;
} & { [type: string]: OpenAIEvent<string, Record<string, unknown>> };

const ref = shape<OpenAIObjectRef>({ id: v.string() });

/** The event around one type's data. */
function openaiEvent<Type extends string, Data>(
  type: Type,
  data: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, OpenAIEvent<Type, Data>> {
  return v.looseObject({
    id: v.string(),
    object: v.optional(v.literal("event")),
    created_at: v.number(),
    type: v.literal(type),
    data,
  }) as v.GenericSchema<unknown, OpenAIEvent<Type, Data>>;
}

/**
 * The runtime schemas of the listed OpenAI events (Standard Schema v1).
 *
 * @example
 * const result = await openaiCatalogue["response.completed"]["~standard"].validate(body);
 */
export const openaiCatalogue: EventCatalogue<OpenAIEvents> = catalogue<OpenAIEvents, OpenAIEventData>(
  openaiEvent,
  {
    "response.completed": ref,
    "response.failed": ref,
    "batch.completed": ref,
    "fine_tuning.job.succeeded": ref,
  },
);
