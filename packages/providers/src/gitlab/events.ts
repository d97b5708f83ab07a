/**
 * GitLab's event catalogue: each body names its kind in `object_kind` (`push`, `merge_request`), typed at the
 * fields handlers key on; the rest pass through.
 *
 * Source: gitlabhq/gitlabhq at 00c78fb8 `doc/user/project/integrations/webhook_events.md` (each event's example
 * body, field by field).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, shape } from "../kit/shape.js";

/** The project an event happened in. */
export interface GitLabProject {
  id: number;
  name?: string;
  /** `group/project`. */
  path_with_namespace?: string;
  web_url?: string;
}

/** `push` (and `tag_push`): commits pushed to a ref. */
export interface GitLabPush {
  object_kind: "push";
  /** The commit before the push; all zeros for a new branch. */
  before: string;
  after: string;
  /** `refs/heads/main`. */
  ref: string;
  checkout_sha?: string | null;
  user_username?: string;
  project_id?: number;
  project: GitLabProject;
  commits: Record<string, unknown>[];
  total_commits_count: number;
}

/** What an issue's or a merge request's `object_attributes` carry. */
export interface GitLabWorkItemAttributes {
  id: number;
  /** The number within the project: `!7`, `#23`. */
  iid: number;
  title: string;
  /** `opened`, `closed`, `merged`, `locked`. */
  state: string;
  /** `open`, `close`, `reopen`, `update`, `merge`, `approved`…; absent on some older events. */
  action?: string;
  url?: string;
}

/** `merge_request` and `issue`: a merge request or issue changed. */
export interface GitLabWorkItem<Kind extends string> {
  object_kind: Kind;
  event_type?: string;
  user: Record<string, unknown>;
  project: GitLabProject;
  object_attributes: GitLabWorkItemAttributes;
  changes?: Record<string, unknown>;
}

/** `pipeline`: a pipeline's status changed. */
export interface GitLabPipeline {
  object_kind: "pipeline";
  object_attributes: {
    id: number;
    /** `pending`, `running`, `success`, `failed`, `canceled`… */
    status: string;
    ref?: string | null;
    sha?: string;
  };
  project: GitLabProject;
  user?: Record<string, unknown> | null;
  builds?: Record<string, unknown>[];
}

/** The GitLab event kinds listed, each with its body. */
export type GitLabEventData = {
  push: GitLabPush;
  merge_request: GitLabWorkItem<"merge_request">;
  issue: GitLabWorkItem<"issue">;
  pipeline: GitLabPipeline;
};

/** GitLab's events: the listed kinds, and any other with `object_kind`. */
export type GitLabEvents = GitLabEventData & {
  [kind: string]: { object_kind: string } & Record<string, unknown>;
};

const project = shape<GitLabProject>({
  id: v.number(),
  name: v.optional(v.string()),
  path_with_namespace: v.optional(v.string()),
  web_url: v.optional(v.string()),
});

const attributes = shape<GitLabWorkItemAttributes>({
  id: v.number(),
  iid: v.number(),
  title: v.string(),
  state: v.string(),
  action: v.optional(v.string()),
  url: v.optional(v.string()),
});

/** A merge request or issue event. */
function workItem<Kind extends string>(kind: Kind): v.GenericSchema<unknown, GitLabWorkItem<Kind>> {
  return v.looseObject({
    object_kind: v.literal(kind),
    event_type: v.optional(v.string()),
    user: jsonObject,
    project,
    object_attributes: attributes,
    changes: v.optional(jsonObject),
  }) as v.GenericSchema<unknown, GitLabWorkItem<Kind>>;
}

/** The body is the payload: its `object_kind` is the type. */
function gitlabEvent<Data>(
  _kind: string,
  body: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, Data> {
  return body;
}

/**
 * The runtime schemas of the listed GitLab events (Standard Schema v1).
 *
 * @example
 * const result = await gitlabCatalogue.push["~standard"].validate(body);
 */
export const gitlabCatalogue: EventCatalogue<GitLabEvents> = catalogue<GitLabEvents, GitLabEventData>(
  gitlabEvent,
  {
    push: shape<GitLabPush>({
      object_kind: v.literal("push"),
      before: v.string(),
      after: v.string(),
      ref: v.string(),
      checkout_sha: v.nullish(v.string()),
      user_username: v.optional(v.string()),
      project_id: v.optional(v.number()),
      project,
      commits: v.array(jsonObject),
      total_commits_count: v.number(),
    }),
    merge_request: workItem("merge_request"),
    issue: workItem("issue"),
    pipeline: shape<GitLabPipeline>({
      object_kind: v.literal("pipeline"),
      object_attributes: shape<GitLabPipeline["object_attributes"]>({
        id: v.number(),
        status: v.string(),
        ref: v.nullish(v.string()),
        sha: v.optional(v.string()),
      }),
      project,
      user: v.nullish(jsonObject),
      builds: v.optional(v.array(jsonObject)),
    }),
  },
);
