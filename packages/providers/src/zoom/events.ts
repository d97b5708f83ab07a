/**
 * Zoom's catalogue: the `{ event, event_ts, payload }` envelope around the listed meeting and user events,
 * routed by `event`. Any other type passes unvalidated.
 *
 * Sources: @zoom/rivet 0.4.0 (Zoom's official API library) `meetings/meetings.d.ts` and `users/users.d.ts`
 * (the `…Event` types, Zoom's own schema of each body); developers.zoom.us/docs/api/webhooks (the envelope).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

/** One Zoom notification: its type, when it happened and what it carries. */
export interface ZoomEvent<Type extends string, Payload> {
  event: Type;
  /** When the event happened, unix **milliseconds**. Rivet types it optional on `meeting.deleted`. */
  event_ts?: number;
  payload: Payload;
}

/** A meeting, as the meeting events carry it (`payload.object`). */
export interface ZoomMeeting {
  /**
   * The meeting number: a string in `meeting.started`, `meeting.ended` and the participant events, a number
   * in `meeting.created` and `meeting.deleted` (Rivet's types); optional in `meeting.participant_joined`.
   */
  id?: string | number;
  /** The meeting instance: a new one each time a recurring meeting starts. */
  uuid: string;
  host_id: string;
  topic?: string;
  /** 1 instant, 2 scheduled, 3 recurring with no fixed time, 8 recurring with a fixed time… */
  type: number;
  /** ISO 8601 UTC. */
  start_time?: string;
  timezone?: string;
  /** Minutes. */
  duration?: number;
}

/** `meeting.created`'s meeting (`MeetingCreatedEvent`): the join link besides the meeting. */
export interface ZoomCreatedMeeting extends ZoomMeeting {
  id: number | string;
  join_url: string;
  password?: string;
  pmi?: string;
  /** Rivet types it present; its many fields pass through unchecked. */
  settings?: Record<string, unknown>;
}

/** `meeting.ended`'s meeting (`MeetingEndedEvent`). */
export interface ZoomEndedMeeting extends ZoomMeeting {
  end_time: string;
}

/** Who joined or left (`participant` of `MeetingParticipantJoinedEvent` / `…LeftEvent`). */
export interface ZoomParticipant {
  /** The participant's id within this meeting (not a Zoom user id). */
  user_id: string;
  user_name?: string;
  /** The Zoom user id, for a signed-in participant. */
  id?: string;
  participant_uuid?: string;
  /** `meeting.participant_joined`. */
  join_time?: string;
  /** `meeting.participant_left`. */
  leave_time?: string;
  leave_reason?: string;
  /** `""` when Zoom does not know it. */
  email: string;
  registrant_id?: string;
  participant_user_id?: string;
  customer_key?: string;
  phone_number?: string;
}

/** A meeting with the participant who joined or left. */
export interface ZoomParticipantMeeting extends ZoomMeeting {
  participant: ZoomParticipant;
}

/** `meeting.created` (`MeetingCreatedEvent`). */
export interface ZoomMeetingCreated {
  account_id: string;
  /** The email of who created it. */
  operator: string;
  operator_id: string;
  /** `single` or `all` occurrences of a recurring meeting. */
  operation?: "all" | "single" | (string & Record<never, never>);
  object: ZoomCreatedMeeting;
}

/** `meeting.deleted` (`MeetingDeletedEvent`). */
export interface ZoomMeetingDeleted {
  account_id: string;
  operator: string;
  operator_id?: string;
  operation?: "all" | "single" | (string & Record<never, never>);
  object: ZoomMeeting;
}

/** `meeting.started` (`MeetingStartedEvent`). */
export interface ZoomMeetingStarted {
  account_id: string;
  object: ZoomMeeting;
}

/** `meeting.ended` (`MeetingEndedEvent`). */
export interface ZoomMeetingEnded {
  account_id: string;
  object: ZoomEndedMeeting;
}

/** `meeting.participant_joined` and `meeting.participant_left`. */
export interface ZoomMeetingParticipant {
  account_id: string;
  object: ZoomParticipantMeeting;
}

/** A user, as the user events carry it (`UserCreatedEvent`, `UserDeactivatedEvent`). */
export interface ZoomUser {
  id: string;
  first_name?: string;
  last_name?: string;
  display_name?: string;
  email: string;
  /** 1 basic, 2 licensed. */
  type: number;
}

/** `user.created` (`UserCreatedEvent`). */
export interface ZoomUserCreated {
  account_id: string;
  operator: string;
  operator_id: string;
  creation_type: "create" | "ssoCreate" | "autoCreate" | "custCreate" | (string & Record<never, never>);
  object: ZoomUser;
}

/** `user.deactivated` (`UserDeactivatedEvent`). */
export interface ZoomUserDeactivated {
  account_id: string;
  operator: string;
  operator_id: string;
  object: ZoomUser;
}

/** `user.updated`'s user (`UserUpdatedEvent`): the id and the fields that changed. */
export interface ZoomUserChanges {
  id: string;
  first_name?: string;
  last_name?: string;
  display_name?: string;
  email?: string;
  type?: number;
  timezone?: string;
}

/** `user.updated` (`UserUpdatedEvent`). */
export interface ZoomUserUpdated {
  account_id: string;
  operator?: string;
  operator_id?: string;
  operation?: "change_password" | "sign_out_from_all_devices" | (string & Record<never, never>);
  object: ZoomUserChanges;
}

/** The listed event types and their `payload`. */
export type ZoomEventData = {
  "meeting.created": ZoomMeetingCreated;
  "meeting.deleted": ZoomMeetingDeleted;
  "meeting.started": ZoomMeetingStarted;
  "meeting.ended": ZoomMeetingEnded;
  "meeting.participant_joined": ZoomMeetingParticipant;
  "meeting.participant_left": ZoomMeetingParticipant;
  "user.created": ZoomUserCreated;
  "user.updated": ZoomUserUpdated;
  "user.deactivated": ZoomUserDeactivated;
};

/** Zoom's events: event type → the notification. */
export type ZoomEvents = {
  [Type in keyof ZoomEventData & string]: ZoomEvent<Type, ZoomEventData[Type]>;
};

/** `{ event, event_ts, payload }` for one event type. */
function zoomEvent<Type extends string, Payload>(
  type: Type,
  payload: v.GenericSchema<unknown, Payload>,
): v.GenericSchema<unknown, ZoomEvent<Type, Payload>> {
  return v.looseObject({
    event: v.literal(type),
    event_ts: v.optional(v.number()),
    payload,
  }) as v.GenericSchema<unknown, ZoomEvent<Type, Payload>>;
}

const meetingNumber = v.union([v.string(), v.number()]);

const meetingFields = {
  id: v.optional(meetingNumber),
  uuid: v.string(),
  host_id: v.string(),
  topic: v.optional(v.string()),
  type: v.number(),
  start_time: v.optional(v.string()),
  timezone: v.optional(v.string()),
  duration: v.optional(v.number()),
} as const;

const meeting = shape<ZoomMeeting>(meetingFields);

const createdMeeting = shape<ZoomCreatedMeeting>({
  ...meetingFields,
  id: meetingNumber,
  join_url: v.string(),
  password: v.optional(v.string()),
  pmi: v.optional(v.string()),
  settings: v.optional(jsonObject),
});

const endedMeeting = shape<ZoomEndedMeeting>({ ...meetingFields, end_time: v.string() });

const participant = shape<ZoomParticipant>({
  user_id: v.string(),
  user_name: v.optional(v.string()),
  id: v.optional(v.string()),
  participant_uuid: v.optional(v.string()),
  join_time: v.optional(v.string()),
  leave_time: v.optional(v.string()),
  leave_reason: v.optional(v.string()),
  email: v.string(),
  registrant_id: v.optional(v.string()),
  participant_user_id: v.optional(v.string()),
  customer_key: v.optional(v.string()),
  phone_number: v.optional(v.string()),
});

const participantMeeting = shape<ZoomParticipantMeeting>({ ...meetingFields, participant });

const meetingOperation = openString<"all" | "single">();

const user = shape<ZoomUser>({
  id: v.string(),
  first_name: v.optional(v.string()),
  last_name: v.optional(v.string()),
  display_name: v.optional(v.string()),
  email: v.string(),
  type: v.number(),
});

const participantEvent = shape<ZoomMeetingParticipant>({
  account_id: v.string(),
  object: participantMeeting,
});

/**
 * The runtime schemas of the listed Zoom events (Standard Schema v1).
 *
 * @example
 * const result = await zoomCatalogue["meeting.started"]["~standard"].validate(body);
 */
export const zoomCatalogue: EventCatalogue<ZoomEvents> = catalogue<ZoomEvents, ZoomEventData>(zoomEvent, {
  "meeting.created": shape<ZoomMeetingCreated>({
    account_id: v.string(),
    operator: v.string(),
    operator_id: v.string(),
    operation: v.optional(meetingOperation),
    object: createdMeeting,
  }),
  "meeting.deleted": shape<ZoomMeetingDeleted>({
    account_id: v.string(),
    operator: v.string(),
    operator_id: v.optional(v.string()),
    operation: v.optional(meetingOperation),
    object: meeting,
  }),
  "meeting.started": shape<ZoomMeetingStarted>({ account_id: v.string(), object: meeting }),
  "meeting.ended": shape<ZoomMeetingEnded>({ account_id: v.string(), object: endedMeeting }),
  "meeting.participant_joined": participantEvent,
  "meeting.participant_left": participantEvent,
  "user.created": shape<ZoomUserCreated>({
    account_id: v.string(),
    operator: v.string(),
    operator_id: v.string(),
    creation_type: openString<"create" | "ssoCreate" | "autoCreate" | "custCreate">(),
    object: user,
  }),
  "user.updated": shape<ZoomUserUpdated>({
    account_id: v.string(),
    operator: v.optional(v.string()),
    operator_id: v.optional(v.string()),
    operation: v.optional(openString<"change_password" | "sign_out_from_all_devices">()),
    object: shape<ZoomUserChanges>({
      id: v.string(),
      first_name: v.optional(v.string()),
      last_name: v.optional(v.string()),
      display_name: v.optional(v.string()),
      email: v.optional(v.string()),
      type: v.optional(v.number()),
      timezone: v.optional(v.string()),
    }),
  }),
  "user.deactivated": shape<ZoomUserDeactivated>({
    account_id: v.string(),
    operator: v.string(),
    operator_id: v.string(),
    object: user,
  }),
});
