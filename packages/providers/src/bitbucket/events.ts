/**
 * Bitbucket Cloud's event catalogue. The body is the event's objects (`actor`, `repository`, and `push` or
 * `pullrequest`); the event key (`repo:push`) travels in the `X-Event-Key` header.
 *
 * Source: support.atlassian.com/bitbucket-cloud/docs/event-payloads/ (the common entities and each event's
 * body).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, shape } from "../kit/shape.js";

/** A repository (the "Repository" entity). */
export interface BitbucketRepository {
  type: "repository" | (string & Record<never, never>);
  /** `workspace/repo`. */
  full_name: string;
  /** `{…}`-wrapped UUID. */
  uuid: string;
  name?: string;
  links?: Record<string, unknown>;
}

/** What every event carries. */
export interface BitbucketPayload {
  /** The account that caused the event (the "Owner" entity). */
  actor: Record<string, unknown>;
  repository: BitbucketRepository;
}

/** `repo:push`: refs changed. */
export interface BitbucketPush extends BitbucketPayload {
  push: { changes: Record<string, unknown>[] };
}

/** A pull request (the "Pull request" entity), at the fields handlers key on. */
export interface BitbucketPullRequest {
  id: number;
  title: string;
  /** `OPEN`, `MERGED`, `DECLINED`, `SUPERSEDED`. */
  state: string;
  author?: Record<string, unknown>;
  source?: Record<string, unknown>;
  destination?: Record<string, unknown>;
  created_on?: string;
  updated_on?: string;
}

/** `pullrequest:*`: a pull request changed. */
export interface BitbucketPullRequestEvent extends BitbucketPayload {
  pullrequest: BitbucketPullRequest;
}

/** The Bitbucket event keys listed, each with its body. */
export type BitbucketEventData = {
  "repo:push": BitbucketPush;
  "pullrequest:created": BitbucketPullRequestEvent;
  "pullrequest:fulfilled": BitbucketPullRequestEvent;
};

/** Bitbucket's events: the listed keys, and any other with the common objects. */
export type BitbucketEvents = BitbucketEventData & { [key: string]: BitbucketPayload };

const common = {
  actor: jsonObject,
  repository: shape<BitbucketRepository>({
    type: v.string(),
    full_name: v.string(),
    uuid: v.string(),
    name: v.optional(v.string()),
    links: v.optional(jsonObject),
  }),
};

const pullRequest = shape<BitbucketPullRequestEvent>({
  ...common,
  pullrequest: shape<BitbucketPullRequest>({
    id: v.number(),
    title: v.string(),
    state: v.string(),
    author: v.optional(jsonObject),
    source: v.optional(jsonObject),
    destination: v.optional(jsonObject),
    created_on: v.optional(v.string()),
    updated_on: v.optional(v.string()),
  }),
});

/** The body is the payload: Bitbucket names the event in a header. */
function bitbucketEvent<Data>(
  _key: string,
  body: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, Data> {
  return body;
}

/**
 * The runtime schemas of the listed Bitbucket events (Standard Schema v1).
 *
 * @example
 * const result = await bitbucketCatalogue["repo:push"]["~standard"].validate(body);
 */
export const bitbucketCatalogue: EventCatalogue<BitbucketEvents> = catalogue<
  BitbucketEvents,
  BitbucketEventData
>(bitbucketEvent, {
  "repo:push": shape<BitbucketPush>({
    ...common,
    push: shape<{ changes: Record<string, unknown>[] }>({ changes: v.array(jsonObject) }),
  }),
  "pullrequest:created": pullRequest,
  "pullrequest:fulfilled": pullRequest,
});
