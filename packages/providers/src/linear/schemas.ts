/**
 * The schemas of Linear's payloads, checked field by field against `@linear/sdk` 98.0.0's
 * `*WebhookPayload` classes: a key the SDK types `?:` is optional here and `| null` nullable; none is
 * stricter. Objects are loose: the many fields not typed here pass through.
 * @module
 */
import * as v from "valibot";
import { isoDate } from "../kit/iso-date.js";
import { shape } from "../kit/shape.js";
import type {
  LinearComment,
  LinearIssue,
  LinearIssueLabel,
  LinearIssueRef,
  LinearLabelRef,
  LinearProject,
  LinearProjectRef,
  LinearProjectStatusRef,
  LinearStateRef,
  LinearTeamRef,
  LinearUserRef,
} from "./types.js";

const time = isoDate;
const maybeTime = v.nullish(isoDate);
const maybeString = v.nullish(v.string());
const ids = v.array(v.string());

// `UserChildWebhookPayload`.
const user = shape<LinearUserRef>({
  id: v.string(),
  name: v.string(),
  email: v.string(),
  url: v.string(),
  avatarUrl: maybeString,
});

// `TeamChildWebhookPayload`.
const team = shape<LinearTeamRef>({ id: v.string(), key: v.string(), name: v.string() });

// `WorkflowStateChildWebhookPayload`.
const state = shape<LinearStateRef>({
  id: v.string(),
  color: v.string(),
  name: v.string(),
  type: v.string(),
});

// `IssueLabelChildWebhookPayload`.
const label = shape<LinearLabelRef>({
  id: v.string(),
  color: v.string(),
  name: v.string(),
  parentId: maybeString,
});

// `ProjectChildWebhookPayload`.
const project = shape<LinearProjectRef>({ id: v.string(), name: v.string(), url: v.string() });

// `IssueWebhookPayload`.
export const issueSchema: v.GenericSchema<unknown, LinearIssue> = shape<LinearIssue>({
  id: v.string(),
  identifier: v.string(),
  number: v.number(),
  title: v.string(),
  description: maybeString,
  priority: v.number(),
  priorityLabel: v.string(),
  estimate: v.nullish(v.number()),
  url: v.string(),
  teamId: v.string(),
  stateId: v.string(),
  state,
  labelIds: ids,
  labels: v.array(label),
  assigneeId: maybeString,
  assignee: v.nullish(user),
  creatorId: maybeString,
  creator: v.nullish(user),
  team: v.nullish(team),
  projectId: maybeString,
  project: v.nullish(project),
  cycleId: maybeString,
  parentId: maybeString,
  dueDate: maybeString,
  startedAt: maybeTime,
  completedAt: maybeTime,
  canceledAt: maybeTime,
  archivedAt: maybeTime,
  trashed: v.nullish(v.boolean()),
  subscriberIds: v.optional(ids),
  createdAt: time,
  updatedAt: time,
});

// `IssueChildWebhookPayload` and its `team` (`CommentWebhookPayloadFragment`).
const issueRef = shape<LinearIssueRef>({
  id: v.string(),
  identifier: v.string(),
  title: v.string(),
  url: v.string(),
  teamId: v.string(),
  team,
});

// `CommentWebhookPayload`.
export const commentSchema: v.GenericSchema<unknown, LinearComment> = shape<LinearComment>({
  id: v.string(),
  body: v.string(),
  issueId: maybeString,
  issue: v.nullish(issueRef),
  userId: maybeString,
  user: v.nullish(user),
  parentId: maybeString,
  projectUpdateId: maybeString,
  documentContentId: maybeString,
  initiativeUpdateId: maybeString,
  externalUserId: maybeString,
  editedAt: maybeTime,
  resolvedAt: maybeTime,
  archivedAt: maybeTime,
  createdAt: time,
  updatedAt: time,
});

// `IssueLabelWebhookPayload`.
export const issueLabelSchema: v.GenericSchema<unknown, LinearIssueLabel> = shape<LinearIssueLabel>({
  id: v.string(),
  name: v.string(),
  color: v.string(),
  description: maybeString,
  isGroup: v.boolean(),
  parentId: maybeString,
  teamId: maybeString,
  creatorId: maybeString,
  inheritedFromId: maybeString,
  archivedAt: maybeTime,
  createdAt: time,
  updatedAt: time,
});

// `ProjectStatusChildWebhookPayload`.
const projectStatus = shape<LinearProjectStatusRef>({
  id: v.string(),
  color: v.string(),
  name: v.string(),
  type: v.string(),
});

// `ProjectWebhookPayload`.
export const projectSchema: v.GenericSchema<unknown, LinearProject> = shape<LinearProject>({
  id: v.string(),
  name: v.string(),
  description: v.string(),
  content: maybeString,
  slugId: v.string(),
  url: v.string(),
  color: v.string(),
  icon: maybeString,
  priority: v.number(),
  health: maybeString,
  statusId: v.string(),
  status: v.nullish(projectStatus),
  leadId: maybeString,
  lead: v.nullish(user),
  creatorId: maybeString,
  teamIds: ids,
  memberIds: ids,
  labelIds: ids,
  startDate: maybeString,
  targetDate: maybeString,
  startedAt: maybeTime,
  completedAt: maybeTime,
  canceledAt: maybeTime,
  archivedAt: maybeTime,
  createdAt: time,
  updatedAt: time,
});
