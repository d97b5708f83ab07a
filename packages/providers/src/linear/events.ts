/**
 * Linear's event catalogue: the one list of the event types typed here, `${type}.${action}` (`Issue.create`),
 * each with the `data` it carries, after `LinearWebhookEventTypeMap` in `@linear/sdk` 98.0.0. Linear's other
 * entities (`Attachment`, `Cycle`, `Document`, `ProjectUpdate`, `Reaction`, `User`…) and non-entity payloads
 * (`IssueSLA`, `OAuthApp`, `AppUserNotification`, `PermissionChange`, `AgentSessionEvent`) reach `onAny`
 * unvalidated.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { isoDate } from "../kit/iso-date.js";
import { jsonObject } from "../kit/shape.js";
import { commentSchema, issueLabelSchema, issueSchema, projectSchema } from "./schemas.js";
import type { LinearComment, LinearEvent, LinearIssue, LinearIssueLabel, LinearProject } from "./types.js";

/** Linear's event types, `${type}.${action}`, and the `data` each carries. */
export type LinearEventData = {
  "Issue.create": LinearIssue;
  "Issue.update": LinearIssue;
  "Issue.remove": LinearIssue;
  "Comment.create": LinearComment;
  "Comment.update": LinearComment;
  "Comment.remove": LinearComment;
  "IssueLabel.create": LinearIssueLabel;
  "IssueLabel.update": LinearIssueLabel;
  "IssueLabel.remove": LinearIssueLabel;
  "Project.create": LinearProject;
  "Project.update": LinearProject;
  "Project.remove": LinearProject;
};

/** Every typed Linear event: `${type}.${action}` → payload. */
export type LinearEvents = {
  [Key in keyof LinearEventData & string]: Key extends `${infer Type}.${infer Action}`
    ? LinearEvent<Type, Action, LinearEventData[Key]>
    : never;
};

/** The envelope around one event's `data`: `EntityWebhookPayload`, its `type` and `action` from the key. */
function linearEvent(
  key: string,
  data: v.GenericSchema<unknown, unknown>,
): v.GenericSchema<unknown, unknown> {
  const dot = key.indexOf(".");
  return v.looseObject({
    action: v.literal(key.slice(dot + 1)),
    type: v.literal(key.slice(0, dot)),
    createdAt: isoDate,
    organizationId: v.string(),
    webhookId: v.string(),
    webhookTimestamp: v.number(),
    updatedFrom: v.nullish(jsonObject),
    url: v.nullish(v.string()),
    data,
  });
}

/**
 * The runtime schemas of every typed Linear event (Standard Schema v1).
 *
 * @example
 * const result = await linearCatalogue["Issue.create"]["~standard"].validate(body);
 */
export const linearCatalogue: EventCatalogue<LinearEvents> = catalogue<LinearEvents, LinearEventData>(
  linearEvent,
  {
    "Issue.create": issueSchema,
    "Issue.update": issueSchema,
    "Issue.remove": issueSchema,
    "Comment.create": commentSchema,
    "Comment.update": commentSchema,
    "Comment.remove": commentSchema,
    "IssueLabel.create": issueLabelSchema,
    "IssueLabel.update": issueLabelSchema,
    "IssueLabel.remove": issueLabelSchema,
    "Project.create": projectSchema,
    "Project.update": projectSchema,
    "Project.remove": projectSchema,
  },
);
