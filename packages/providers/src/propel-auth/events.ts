/**
 * PropelAuth's event catalogue: the one list of its event types, each with the fields it carries.
 *
 * PropelAuth publishes no schema for its webhook bodies outside each project's Svix event catalog: its docs
 * list the event types, and its SDKs (`@propelauth/node` 2.1.36) have no webhook types. The fields here are
 * those little-green-man/earhart at ee47aaa9 (`src/Events/PropelAuth/*.php`, built against real deliveries)
 * reads from each event. With no first-party schema to be at least as loose as, every field is optional, and
 * those earhart reads as possibly absent (`?? null`) may also be `null`.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { flatEvent } from "../kit/flat-event.js";
import { shape } from "../kit/shape.js";

/** Every PropelAuth event: one flat object, its type in `event_type` beside its fields (no `data` wrapper). */
export type PropelAuthEvent<Type extends string, Fields> = { event_type: Type } & Fields;

/** A user, by id: what most `user.*` events carry (fetch the user for its current data). */
export interface PropelAuthUserRef {
  /** The user's id, a UUID. */
  user_id?: string;
}

/** `user.created`. */
export interface PropelAuthUserCreated extends PropelAuthUserRef {
  email?: string;
  email_confirmed?: boolean;
  first_name?: string | null;
  last_name?: string | null;
  picture_url?: string | null;
  username?: string | null;
}

/** `user.impersonated`: `user_id` is the user impersonated. */
export interface PropelAuthUserImpersonated extends PropelAuthUserRef {
  impersonator_user_id?: string;
}

/** `user.deleted_personal_api_key`. */
export interface PropelAuthUserApiKey extends PropelAuthUserRef {
  api_key_id?: string;
}

/** `user.login`. */
export interface PropelAuthUserLogin extends PropelAuthUserRef {
  /** The organization the user signed in to, when the project uses an active organization. */
  active_org_id?: string | null;
}

/** `user.send_mfa_phone_code`: PropelAuth asks you to send the code (custom SMS delivery). */
export interface PropelAuthMfaPhoneCode extends PropelAuthUserRef {
  phone_number?: string;
}

/** A user's membership of an organization: `user.added_to_org`, `user.invited_to_org`. */
export interface PropelAuthOrgMembership extends PropelAuthUserRef {
  /** The organization's id, a UUID. */
  org_id?: string;
  /** The role given in the organization (`Owner`, `Admin`, `Member`, or one of the project's roles). */
  role?: string | null;
}

/** `user.removed_from_org`: the removed user is `removed_user_id`, not `user_id`. */
export interface PropelAuthOrgRemoval {
  removed_user_id?: string;
  org_id?: string;
}

/** `user.role_changed_within_org`. */
export interface PropelAuthOrgRoleChange extends PropelAuthUserRef {
  org_id?: string;
  new_role?: string;
}

/** `user.added_to_scim_group` / `user.removed_from_scim_group`. */
export interface PropelAuthScimGroupMembership extends PropelAuthUserRef {
  org_id?: string;
  scim_group_id?: string;
}

/** An organization, by id: `org.updated`, `org.deleted`, `org.saml_*` (fetch it for its current data). */
export interface PropelAuthOrgRef {
  /** The organization's id, a UUID. */
  org_id?: string;
}

/** `org.created`. */
export interface PropelAuthOrgCreated extends PropelAuthOrgRef {
  name?: string;
}

/** `org.api_key_deleted`. */
export interface PropelAuthOrgApiKey extends PropelAuthOrgRef {
  api_key_id?: string;
}

/** `org.scim_group_created` / `org.scim_group_updated`; `org.scim_group_deleted` has no `display_name`. */
export interface PropelAuthScimGroup extends PropelAuthOrgRef {
  scim_group_id?: string;
  display_name?: string;
}

/** `org.scim_key_created` / `org.scim_key_revoked`. */
export interface PropelAuthScimKey extends PropelAuthOrgRef {
  scim_key_id?: string;
}

/** PropelAuth's event types (docs "Webhooks", and earhart's dispatcher for the SCIM and session ones) and their fields. */
export type PropelAuthEventData = {
  "user.created": PropelAuthUserCreated;
  "user.updated": PropelAuthUserRef;
  "user.deleted": PropelAuthUserRef;
  "user.disabled": PropelAuthUserRef;
  "user.enabled": PropelAuthUserRef;
  "user.locked": PropelAuthUserRef;
  "user.impersonated": PropelAuthUserImpersonated;
  "user.deleted_personal_api_key": PropelAuthUserApiKey;
  "user.login": PropelAuthUserLogin;
  "user.logged_out": PropelAuthUserRef;
  "user.send_mfa_phone_code": PropelAuthMfaPhoneCode;
  "user.added_to_org": PropelAuthOrgMembership;
  "user.invited_to_org": PropelAuthOrgMembership;
  "user.removed_from_org": PropelAuthOrgRemoval;
  "user.role_changed_within_org": PropelAuthOrgRoleChange;
  "user.added_to_scim_group": PropelAuthScimGroupMembership;
  "user.removed_from_scim_group": PropelAuthScimGroupMembership;
  "org.created": PropelAuthOrgCreated;
  "org.updated": PropelAuthOrgRef;
  "org.deleted": PropelAuthOrgRef;
  "org.api_key_deleted": PropelAuthOrgApiKey;
  "org.saml_setup": PropelAuthOrgRef;
  "org.saml_removed": PropelAuthOrgRef;
  "org.saml_went_live": PropelAuthOrgRef;
  "org.scim_group_created": PropelAuthScimGroup;
  "org.scim_group_updated": PropelAuthScimGroup;
  "org.scim_group_deleted": PropelAuthScimGroup;
  "org.scim_key_created": PropelAuthScimKey;
  "org.scim_key_revoked": PropelAuthScimKey;
};

/** PropelAuth's events: event type → body. */
export type PropelAuthEvents = {
  [Type in keyof PropelAuthEventData & string]: PropelAuthEvent<Type, PropelAuthEventData[Type]>;
};

const id = v.optional(v.string());
const userRef = shape<PropelAuthUserRef>({ user_id: id });
const orgRef = shape<PropelAuthOrgRef>({ org_id: id });
const membership = shape<PropelAuthOrgMembership>({ user_id: id, org_id: id, role: v.nullish(v.string()) });
const scimMembership = shape<PropelAuthScimGroupMembership>({ user_id: id, org_id: id, scim_group_id: id });
const scimGroup = shape<PropelAuthScimGroup>({ org_id: id, scim_group_id: id, display_name: id });
const scimKey = shape<PropelAuthScimKey>({ org_id: id, scim_key_id: id });

/**
 * The runtime schemas of PropelAuth's events (Standard Schema v1).
 *
 * @example
 * const result = await propelAuthCatalogue["user.created"]["~standard"].validate(body);
 */
export const propelAuthCatalogue: EventCatalogue<PropelAuthEvents> = catalogue<
  PropelAuthEvents,
  PropelAuthEventData
>(flatEvent("event_type"), {
  "user.created": shape<PropelAuthUserCreated>({
    user_id: id,
    email: id,
    email_confirmed: v.optional(v.boolean()),
    first_name: v.nullish(v.string()),
    last_name: v.nullish(v.string()),
    picture_url: v.nullish(v.string()),
    username: v.nullish(v.string()),
  }),
  "user.updated": userRef,
  "user.deleted": userRef,
  "user.disabled": userRef,
  "user.enabled": userRef,
  "user.locked": userRef,
  "user.impersonated": shape<PropelAuthUserImpersonated>({ user_id: id, impersonator_user_id: id }),
  "user.deleted_personal_api_key": shape<PropelAuthUserApiKey>({ user_id: id, api_key_id: id }),
  "user.login": shape<PropelAuthUserLogin>({ user_id: id, active_org_id: v.nullish(v.string()) }),
  "user.logged_out": userRef,
  "user.send_mfa_phone_code": shape<PropelAuthMfaPhoneCode>({ user_id: id, phone_number: id }),
  "user.added_to_org": membership,
  "user.invited_to_org": membership,
  "user.removed_from_org": shape<PropelAuthOrgRemoval>({ removed_user_id: id, org_id: id }),
  "user.role_changed_within_org": shape<PropelAuthOrgRoleChange>({ user_id: id, org_id: id, new_role: id }),
  "user.added_to_scim_group": scimMembership,
  "user.removed_from_scim_group": scimMembership,
  "org.created": shape<PropelAuthOrgCreated>({ org_id: id, name: id }),
  "org.updated": orgRef,
  "org.deleted": orgRef,
  "org.api_key_deleted": shape<PropelAuthOrgApiKey>({ org_id: id, api_key_id: id }),
  "org.saml_setup": orgRef,
  "org.saml_removed": orgRef,
  "org.saml_went_live": orgRef,
  "org.scim_group_created": scimGroup,
  "org.scim_group_updated": scimGroup,
  "org.scim_group_deleted": scimGroup,
  "org.scim_key_created": scimKey,
  "org.scim_key_revoked": scimKey,
});
