/**
 * Sentry's event catalogue: `{ action, installation: { uuid }, data, actor }`, routed as
 * `${Sentry-Hook-Resource}.${action}`; `data` holds one key named after the resource (`data.issue`).
 *
 * Source: getsentry/sentry at 10c5f04e `src/sentry/sentry_apps/api/serializers/app_platform_event.py`
 * (`AppPlatformEvent.body`: the envelope, the actor), `src/sentry/sentry_apps/utils/webhooks.py` (the resources
 * and actions); docs.sentry.io/organization/integrations/integration-platform/webhooks (the issue and
 * installation payloads).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

/** Who caused the event (`AppPlatformEvent.body`'s `actor`). */
export interface SentryActor {
  type: "user" | "application" | (string & Record<never, never>);
  /** A user's id (a number), or `"sentry"` for the application. */
  id: string | number;
  name: string;
}

/** Every Sentry integration webhook. */
export interface SentryEvent<Action extends string, Data> {
  action: Action;
  installation: { uuid: string };
  data: Data;
  actor: SentryActor;
}

/** An issue (`data.issue`), as the issue endpoint serialises it; the fields handlers read first. */
export interface SentryIssue {
  id: string;
  title?: string;
  shortId?: string;
  /** `unresolved`, `resolved`, `ignored`. */
  status?: string;
  level?: string;
  culprit?: string | null;
  permalink?: string | null;
  project?: Record<string, unknown>;
  firstSeen?: string;
  lastSeen?: string;
}

/** An installation (`data.installation`). */
export interface SentryInstallation {
  uuid: string;
  status?: "pending" | "installed" | (string & Record<never, never>);
  app?: { uuid: string; slug: string };
  organization?: { slug: string };
}

/** The Sentry event types listed, each with its `data`. */
export type SentryEventData = {
  "installation.created": { installation: SentryInstallation };
  "installation.deleted": { installation: SentryInstallation };
  "issue.created": { issue: SentryIssue };
  "issue.resolved": { issue: SentryIssue };
};

/** Sentry's events: the listed types, and any other `resource.action` with the envelope. */
export type SentryEvents = {
  [Type in keyof SentryEventData & string]: SentryEvent<string, SentryEventData[Type]>;
} & { [type: string]: SentryEvent<string, Record<string, unknown>> };

const installation = shape<{ installation: SentryInstallation }>({
  installation: shape<SentryInstallation>({
    uuid: v.string(),
    status: v.optional(openString<"pending" | "installed">()),
    app: v.optional(shape<{ uuid: string; slug: string }>({ uuid: v.string(), slug: v.string() })),
    organization: v.optional(shape<{ slug: string }>({ slug: v.string() })),
  }),
});

const issue = shape<{ issue: SentryIssue }>({
  issue: shape<SentryIssue>({
    id: v.string(),
    title: v.optional(v.string()),
    shortId: v.optional(v.string()),
    status: v.optional(v.string()),
    level: v.optional(v.string()),
    culprit: v.nullish(v.string()),
    permalink: v.nullish(v.string()),
    project: v.optional(jsonObject),
    firstSeen: v.optional(v.string()),
    lastSeen: v.optional(v.string()),
  }),
});

/** The envelope around one type's `data`; the body's `action` is the type's after the resource. */
function sentryEvent<Data>(
  type: string,
  data: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, SentryEvent<string, Data>> {
  return v.looseObject({
    action: v.literal(type.slice(type.indexOf(".") + 1)),
    installation: v.looseObject({ uuid: v.string() }),
    data,
    actor: shape<SentryActor>({
      type: openString<"user" | "application">(),
      id: v.union([v.string(), v.number()]),
      name: v.string(),
    }),
  }) as v.GenericSchema<unknown, SentryEvent<string, Data>>;
}

/**
 * The runtime schemas of the listed Sentry events (Standard Schema v1).
 *
 * @example
 * const result = await sentryCatalogue["issue.created"]["~standard"].validate(body);
 */
export const sentryCatalogue: EventCatalogue<SentryEvents> = catalogue<SentryEvents, SentryEventData>(
  sentryEvent,
  {
    "installation.created": installation,
    "installation.deleted": installation,
    "issue.created": issue,
    "issue.resolved": issue,
  },
);
