/**
 * GitHub's event catalogue, envelope-level for now: the objects every payload may carry, checked for the
 * event types listed here; any other type passes unvalidated. The routed type is `X-GitHub-Event`, with the
 * body's `action` when it has one: `pull_request.opened`, `push`.
 *
 * Source: GitHub's "Webhook events and payloads" (the objects common to payloads: `action`, `sender`,
 * `repository`, `organization`, `installation`, `enterprise`, each present only for some events), and the
 * examples in @octokit/webhooks-examples 7.6.1 (`api.github.com/index.json`), which the fixtures are.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, shape } from "../kit/shape.js";

/** A GitHub payload: what any event may carry besides its own fields (which pass through untyped for now). */
export interface GitHubPayload {
  /** The activity, for events that have several (`opened`, `closed`…); absent on `push` and `ping`. */
  action?: string;
  /** The account that triggered the event. */
  sender?: Record<string, unknown>;
  /** The repository the event happened in, for repository events. */
  repository?: Record<string, unknown>;
  /** The organization, when the webhook is an organization's or the repository belongs to one. */
  organization?: Record<string, unknown>;
  /** The GitHub App installation, for events sent to an App. */
  installation?: Record<string, unknown>;
  /** The enterprise, for enterprise events. */
  enterprise?: Record<string, unknown>;
}

/** The GitHub event types listed so far, each with its payload: the most common ones, envelope-level. */
export type GitHubEventData = {
  /** Sent once, when the webhook is created. */
  ping: GitHubPayload;
  push: GitHubPayload;
  "issues.opened": GitHubPayload;
  "pull_request.opened": GitHubPayload;
};

/** The listed types' payloads as the runtime catalogue validates them, and any other type with the envelope. */
export type GitHubEnvelopeEvents = { [Type in keyof GitHubEventData]: GitHubEventData[Type] } & {
  [type: string]: GitHubPayload;
};

// Every key optional: no field is on every event. Objects stay loose: their fields pass through.
const payload = shape<GitHubPayload>({
  action: v.optional(v.string()),
  sender: v.optional(jsonObject),
  repository: v.optional(jsonObject),
  organization: v.optional(jsonObject),
  installation: v.optional(jsonObject),
  enterprise: v.optional(jsonObject),
});

/** The payload is the whole body: GitHub puts the event's type in a header, not around the payload. */
function githubEvent<Data>(
  _type: string,
  body: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, Data> {
  return body;
}

/**
 * The runtime schemas of the listed GitHub events (Standard Schema v1).
 *
 * @example
 * const result = await githubCatalogue.push["~standard"].validate(body);
 */
export const githubCatalogue: EventCatalogue<GitHubEnvelopeEvents> = catalogue<
  GitHubEnvelopeEvents,
  GitHubEventData
>(githubEvent, { ping: payload, push: payload, "issues.opened": payload, "pull_request.opened": payload });
