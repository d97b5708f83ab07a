/**
 * The runtime schemas of the objects in types.ts, each checked against its interface by `shape<T>()`.
 * @module
 */
import * as v from "valibot";
import { jsonObject, shape } from "../kit/shape.js";
import type {
  StytchActiveScimConnection,
  StytchActiveSsoConnection,
  StytchCustomRole,
  StytchEmailImplicitRoleAssignment,
  StytchMember,
  StytchMemberRole,
  StytchMemberRoleSource,
  StytchOAuthRegistration,
  StytchOrganization,
  StytchPassword,
  StytchRetiredEmail,
  StytchScimRegistration,
  StytchSsoRegistration,
  StytchUser,
  StytchUserEmail,
  StytchUserName,
  StytchUserPhoneNumber,
} from "./types.js";

const string = v.string();
const boolean = v.boolean();
const strings = v.array(string);
const maybeString = v.optional(string);
const maybeStrings = v.optional(strings);
const maybeTime = v.nullish(string);
const maybeObject = v.optional(jsonObject);
const entries = v.array(jsonObject);

const ssoRegistration = shape<StytchSsoRegistration>({
  connection_id: string,
  external_id: string,
  registration_id: string,
  sso_attributes: maybeObject,
});

const oauthRegistration = shape<StytchOAuthRegistration>({
  provider_type: string,
  provider_subject: string,
  member_oauth_registration_id: string,
  profile_picture_url: maybeString,
});

const roleSource = shape<StytchMemberRoleSource>({ type: string, details: maybeObject });
const role = shape<StytchMemberRole>({ role_id: string, sources: v.array(roleSource) });
const retiredEmail = shape<StytchRetiredEmail>({ email_id: string, email_address: string });
const scimRegistration = shape<StytchScimRegistration>({
  connection_id: string,
  registration_id: string,
  external_id: maybeString,
  scim_attributes: maybeObject,
});

/** `Member`. */
export const memberSchema: v.GenericSchema<unknown, StytchMember> = shape<StytchMember>({
  organization_id: string,
  member_id: string,
  email_address: string,
  status: string,
  name: string,
  sso_registrations: v.array(ssoRegistration),
  is_breakglass: boolean,
  member_password_id: string,
  oauth_registrations: v.array(oauthRegistration),
  email_address_verified: boolean,
  mfa_phone_number_verified: boolean,
  is_admin: boolean,
  totp_registration_id: string,
  retired_email_addresses: v.optional(v.array(retiredEmail)),
  is_locked: v.optional(boolean),
  mfa_enrolled: boolean,
  mfa_phone_number: string,
  default_mfa_method: string,
  roles: v.array(role),
  trusted_metadata: maybeObject,
  untrusted_metadata: maybeObject,
  created_at: maybeString,
  updated_at: maybeString,
  scim_registration: v.optional(scimRegistration),
  external_id: maybeString,
  lock_created_at: maybeTime,
  lock_expires_at: maybeTime,
});

const activeSso = shape<StytchActiveSsoConnection>({
  connection_id: string,
  display_name: string,
  identity_provider: string,
});
const activeScim = shape<StytchActiveScimConnection>({
  connection_id: string,
  display_name: string,
  bearer_token_last_four: string,
  bearer_token_expires_at: maybeString,
});
const implicitRole = shape<StytchEmailImplicitRoleAssignment>({ domain: string, role_id: string });
const customRole = shape<StytchCustomRole>({
  role_id: string,
  description: string,
  permissions: v.array(v.looseObject({ resource_id: string, actions: strings })),
});

/** `Organization`. */
export const organizationSchema: v.GenericSchema<unknown, StytchOrganization> = shape<StytchOrganization>({
  organization_id: string,
  organization_name: string,
  organization_logo_url: maybeString,
  organization_slug: maybeString,
  sso_jit_provisioning: maybeString,
  sso_jit_provisioning_allowed_connections: maybeStrings,
  sso_active_connections: v.optional(v.array(activeSso)),
  email_allowed_domains: maybeStrings,
  email_jit_provisioning: maybeString,
  email_invites: maybeString,
  auth_methods: maybeString,
  allowed_auth_methods: maybeStrings,
  mfa_policy: maybeString,
  rbac_email_implicit_role_assignments: v.optional(v.array(implicitRole)),
  mfa_methods: maybeString,
  allowed_mfa_methods: maybeStrings,
  oauth_tenant_jit_provisioning: maybeString,
  claimed_email_domains: maybeStrings,
  first_party_connected_apps_allowed_type: maybeString,
  allowed_first_party_connected_apps: maybeStrings,
  third_party_connected_apps_allowed_type: maybeString,
  allowed_third_party_connected_apps: maybeStrings,
  custom_roles: v.optional(v.array(customRole)),
  trusted_metadata: maybeObject,
  created_at: maybeString,
  updated_at: maybeString,
  organization_external_id: maybeString,
  sso_default_connection_id: maybeString,
  scim_active_connection: v.optional(activeScim),
  allowed_oauth_tenants: maybeObject,
});

const userEmail = shape<StytchUserEmail>({ email_id: string, email: string, verified: boolean });
const userPhone = shape<StytchUserPhoneNumber>({ phone_id: string, phone_number: string, verified: boolean });
const userName = shape<StytchUserName>({
  first_name: maybeString,
  middle_name: maybeString,
  last_name: maybeString,
});
const password = shape<StytchPassword>({ password_id: string, requires_reset: boolean });

/** `User` (consumer). */
export const userSchema: v.GenericSchema<unknown, StytchUser> = shape<StytchUser>({
  user_id: string,
  emails: v.array(userEmail),
  status: string,
  phone_numbers: v.array(userPhone),
  webauthn_registrations: entries,
  providers: entries,
  totps: entries,
  crypto_wallets: entries,
  biometric_registrations: entries,
  is_locked: v.optional(boolean),
  roles: maybeStrings,
  name: v.optional(userName),
  created_at: maybeString,
  password: v.nullish(password),
  trusted_metadata: maybeObject,
  untrusted_metadata: maybeObject,
  external_id: maybeString,
  lock_created_at: maybeTime,
  lock_expires_at: maybeTime,
});
