/**
 * Netlify's deploy notifications: the body is the deploy object itself (no envelope, no type field); the
 * event is named in the unsigned `X-Netlify-Event` header, one event per hook.
 *
 * Sources: netlify/open-api @ 65080317 `go/models/deploy.go` (every field `omitempty`: optional here but `updated_at`),
 * zulip/zulip `zerver/webhooks/netlify/fixtures/deploy_created.json` @ 628dc748 (a real body: strings may be
 * `null`), docs.netlify.com/site-deploys/notifications/ (the event list).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { openString, shape } from "../kit/shape.js";

const text = v.nullish(v.string());

/** A Netlify deploy (`go/models/deploy.go` `Deploy`): fields optional but `updated_at`, strings nullable as sent. */
export interface NetlifyDeploy {
  /** The deploy id: shared by every event of one deploy (building, then created or failed). */
  id?: string | null;
  site_id?: string | null;
  build_id?: string | null;
  /** `new`, `building`, `uploading`, `processing`, `ready`, `error`, … */
  state?: string | null;
  name?: string | null;
  url?: string | null;
  ssl_url?: string | null;
  admin_url?: string | null;
  deploy_url?: string | null;
  deploy_ssl_url?: string | null;
  /** ISO 8601. */
  created_at?: string | null;
  /**
   * ISO 8601: changes with each state, so it bounds a replay (`maxAge`). Required here although the model marks
   * it `omitempty`: every body Netlify sends carries it (zulip's fixture), and without it the age check is off.
   */
  updated_at: string;
  published_at?: string | null;
  user_id?: string | null;
  error_message?: string | null;
  branch?: string | null;
  /** `production`, `deploy-preview`, `branch-deploy`, … */
  context?: string | null;
  commit_ref?: string | null;
  commit_url?: string | null;
  review_id?: number | null;
  review_url?: string | null;
  title?: string | null;
  locked?: boolean | null;
  skipped?: boolean | null;
  draft?: boolean | null;
  deploy_time?: number | null;
}

// `maxAge` relies on `updated_at`: a value that does not parse would switch the age check off.
const updatedAt = v.pipe(
  v.string(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (dataset.typed && Number.isNaN(Date.parse(dataset.value))) addIssue({ expected: "an ISO 8601 date" });
  }),
);

const deploy = shape<NetlifyDeploy>({
  id: text,
  site_id: text,
  build_id: text,
  state: v.nullish(openString()),
  name: text,
  url: text,
  ssl_url: text,
  admin_url: text,
  deploy_url: text,
  deploy_ssl_url: text,
  created_at: text,
  updated_at: updatedAt,
  published_at: text,
  user_id: text,
  error_message: text,
  branch: text,
  context: v.nullish(openString()),
  commit_ref: text,
  commit_url: text,
  review_id: v.nullish(v.number()),
  review_url: text,
  title: text,
  locked: v.nullish(v.boolean()),
  skipped: v.nullish(v.boolean()),
  draft: v.nullish(v.boolean()),
  deploy_time: v.nullish(v.number()),
});

/** The deploy events (the hook `event` values), each carrying the deploy object. */
export type NetlifyEventData = {
  /** A deploy started building. */
  deploy_building: NetlifyDeploy;
  /** A deploy succeeded (the name is Netlify's). */
  deploy_created: NetlifyDeploy;
  deploy_failed: NetlifyDeploy;
  deploy_locked: NetlifyDeploy;
  deploy_unlocked: NetlifyDeploy;
  deploy_request_pending: NetlifyDeploy;
  deploy_request_accepted: NetlifyDeploy;
  deploy_request_rejected: NetlifyDeploy;
};

/** Netlify's events: the deploy events, and any other hook event (forms, split tests) unvalidated. */
export type NetlifyEvents = { [Type in keyof NetlifyEventData]: NetlifyEventData[Type] } & {
  [type: string]: unknown;
};

/** The payload is the whole body: Netlify names the event in a header. */
function netlifyEvent<Data>(
  _type: string,
  body: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, Data> {
  return body;
}

/**
 * The runtime schemas of Netlify's deploy events (Standard Schema v1).
 *
 * @example
 * const result = await netlifyCatalogue.deploy_created["~standard"].validate(body);
 */
export const netlifyCatalogue: EventCatalogue<NetlifyEvents> = catalogue<NetlifyEvents, NetlifyEventData>(
  netlifyEvent,
  {
    deploy_building: deploy,
    deploy_created: deploy,
    deploy_failed: deploy,
    deploy_locked: deploy,
    deploy_unlocked: deploy,
    deploy_request_pending: deploy,
    deploy_request_accepted: deploy,
    deploy_request_rejected: deploy,
  },
);
