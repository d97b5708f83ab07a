/**
 * Linear's webhook payload types, after `@linear/sdk` 98.0.0 (`EntityWebhookPayload` and the
 * `*WebhookPayload` classes of `dist/index.d.mts`, `LinearWebhookEventTypeMap` of the webhooks types). Times
 * are ISO 8601 strings, except `webhookTimestamp` (epoch milliseconds).
 * @module
 */

/**
 * Every Linear entity event: `EntityWebhookPayload` with its `data`. Keys beyond these (`actor`…) pass
 * through untyped.
 */
export interface LinearEvent<Type extends string, Action extends string, Data> {
  /** `create`, `update` or `remove`. */
  action: Action;
  /** The entity: `Issue`, `Comment`… */
  type: Type;
  /** When the payload was created: the same on every attempt. */
  createdAt: string;
  organizationId: string;
  /** The webhook (subscription) that sent the event, not the event. */
  webhookId: string;
  /** When this attempt was sent, epoch milliseconds: re-stamped on every retry. */
  webhookTimestamp: number;
  /** On `update`: the previous values of the changed fields. */
  updatedFrom?: Record<string, unknown> | null;
  /** The entity's URL. */
  url?: string | null;
  data: Data;
}

/** `UserChildWebhookPayload`. */
export interface LinearUserRef {
  id: string;
  name: string;
  email: string;
  url: string;
  avatarUrl?: string | null;
}

/** `TeamChildWebhookPayload`. */
export interface LinearTeamRef {
  id: string;
  key: string;
  name: string;
}

/** `WorkflowStateChildWebhookPayload`: the issue's status. */
export interface LinearStateRef {
  id: string;
  color: string;
  name: string;
  /** `triage`, `backlog`, `unstarted`, `started`, `completed`, `canceled`. */
  type: string;
}

/** `IssueLabelChildWebhookPayload`. */
export interface LinearLabelRef {
  id: string;
  color: string;
  name: string;
  parentId?: string | null;
}

/** `ProjectChildWebhookPayload`. */
export interface LinearProjectRef {
  id: string;
  name: string;
  url: string;
}

/** `IssueWebhookPayload`: the fields a handler relies on; the rest pass through. */
export interface LinearIssue {
  id: string;
  /** `ENG-123`. */
  identifier: string;
  number: number;
  title: string;
  description?: string | null;
  /** 0 none, 1 urgent, 2 high, 3 medium, 4 low. */
  priority: number;
  priorityLabel: string;
  estimate?: number | null;
  url: string;
  teamId: string;
  stateId: string;
  state: LinearStateRef;
  labelIds: string[];
  labels: LinearLabelRef[];
  assigneeId?: string | null;
  assignee?: LinearUserRef | null;
  creatorId?: string | null;
  creator?: LinearUserRef | null;
  team?: LinearTeamRef | null;
  projectId?: string | null;
  project?: LinearProjectRef | null;
  cycleId?: string | null;
  parentId?: string | null;
  dueDate?: string | null;
  startedAt?: string | null;
  completedAt?: string | null;
  canceledAt?: string | null;
  archivedAt?: string | null;
  trashed?: boolean | null;
  /** Required in the SDK's type; optional here, as older deliveries lack it. */
  subscriberIds?: string[];
  createdAt: string;
  updatedAt: string;
}

/** `IssueChildWebhookPayload` with its team: the issue a comment is on. */
export interface LinearIssueRef {
  id: string;
  identifier: string;
  title: string;
  url: string;
  teamId: string;
  team: LinearTeamRef;
}

/** `CommentWebhookPayload`: on an issue, a project update, an initiative update or a document. */
export interface LinearComment {
  id: string;
  /** Markdown. */
  body: string;
  issueId?: string | null;
  issue?: LinearIssueRef | null;
  userId?: string | null;
  user?: LinearUserRef | null;
  parentId?: string | null;
  projectUpdateId?: string | null;
  documentContentId?: string | null;
  initiativeUpdateId?: string | null;
  /** Set on comments synced from an integration (Slack, GitHub…). */
  externalUserId?: string | null;
  editedAt?: string | null;
  resolvedAt?: string | null;
  archivedAt?: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `IssueLabelWebhookPayload`. */
export interface LinearIssueLabel {
  id: string;
  name: string;
  color: string;
  description?: string | null;
  isGroup: boolean;
  parentId?: string | null;
  /** `null` for a workspace label. */
  teamId?: string | null;
  creatorId?: string | null;
  inheritedFromId?: string | null;
  archivedAt?: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `ProjectStatusChildWebhookPayload`. */
export interface LinearProjectStatusRef {
  id: string;
  color: string;
  name: string;
  /** `backlog`, `planned`, `started`, `paused`, `completed`, `canceled`. */
  type: string;
}

/** `ProjectWebhookPayload`: the fields a handler relies on; the rest pass through. */
export interface LinearProject {
  id: string;
  name: string;
  description: string;
  /** The project's document, Markdown. */
  content?: string | null;
  slugId: string;
  url: string;
  color: string;
  icon?: string | null;
  priority: number;
  health?: string | null;
  statusId: string;
  status?: LinearProjectStatusRef | null;
  leadId?: string | null;
  lead?: LinearUserRef | null;
  creatorId?: string | null;
  teamIds: string[];
  memberIds: string[];
  labelIds: string[];
  startDate?: string | null;
  targetDate?: string | null;
  startedAt?: string | null;
  completedAt?: string | null;
  canceledAt?: string | null;
  archivedAt?: string | null;
  createdAt: string;
  updatedAt: string;
}
