/**
 * The schemas of Clerk's payloads. Nested objects are kept loose: the fields a handler relies on are
 * checked, the rest pass through.
 * @module
 */
import * as v from "valibot";
import type {
  ClerkDeletedObject,
  ClerkEmail,
  ClerkEmailAddress,
  ClerkEvent,
  ClerkEventAttributes,
  ClerkExternalAccount,
  ClerkOrganization,
  ClerkOrganizationMembership,
  ClerkPhoneNumber,
  ClerkPublicUserData,
  ClerkSession,
  ClerkUser,
  ClerkVerification,
  ClerkWeb3Wallet,
} from "./clerk-types.js";
import { jsonObject, openString, shape } from "./schema-kit.js";

const time = v.number();
const list = v.array(jsonObject);

const verification = shape<ClerkVerification>({
  status: openString<"unverified" | "verified" | "transferable" | "failed" | "expired">(),
  strategy: v.string(),
  attempts: v.nullish(v.number()),
  expire_at: v.nullish(v.number()),
});

const emailAddress = shape<ClerkEmailAddress>({
  id: v.string(),
  object: v.literal("email_address"),
  email_address: v.string(),
  verification: v.nullable(verification),
  linked_to: v.array(shape<{ id: string; type: string }>({ id: v.string(), type: v.string() })),
});

export const userSchema: v.GenericSchema<unknown, ClerkUser> = shape<ClerkUser>({
  id: v.string(),
  object: v.literal("user"),
  username: v.nullable(v.string()),
  first_name: v.nullable(v.string()),
  last_name: v.nullable(v.string()),
  image_url: v.string(),
  has_image: v.optional(v.boolean()),
  primary_email_address_id: v.nullable(v.string()),
  primary_phone_number_id: v.nullable(v.string()),
  primary_web3_wallet_id: v.nullable(v.string()),
  password_enabled: v.boolean(),
  two_factor_enabled: v.boolean(),
  totp_enabled: v.optional(v.boolean()),
  backup_code_enabled: v.optional(v.boolean()),
  email_addresses: v.array(emailAddress),
  phone_numbers: v.array(
    shape<ClerkPhoneNumber>({
      id: v.string(),
      phone_number: v.string(),
      verification: v.nullish(verification),
    }),
  ),
  web3_wallets: v.array(shape<ClerkWeb3Wallet>({ id: v.string(), web3_wallet: v.string() })),
  external_accounts: v.array(shape<ClerkExternalAccount>({ id: v.string(), provider: v.string() })),
  enterprise_accounts: v.optional(list),
  saml_accounts: v.optional(list),
  passkeys: v.optional(list),
  organization_memberships: v.nullish(list),
  public_metadata: jsonObject,
  private_metadata: jsonObject,
  unsafe_metadata: jsonObject,
  external_id: v.nullable(v.string()),
  last_sign_in_at: v.nullable(time),
  password_last_updated_at: v.nullish(time),
  banned: v.optional(v.boolean()),
  locked: v.optional(v.boolean()),
  lockout_expires_in_seconds: v.nullish(v.number()),
  verification_attempts_remaining: v.nullish(v.number()),
  created_at: time,
  updated_at: time,
  last_active_at: v.nullish(time),
  create_organization_enabled: v.optional(v.boolean()),
  create_organizations_limit: v.nullish(v.number()),
  delete_self_enabled: v.optional(v.boolean()),
  legal_accepted_at: v.nullish(time),
  locale: v.nullish(v.string()),
});

export const deletedSchema: v.GenericSchema<unknown, ClerkDeletedObject> = shape<ClerkDeletedObject>({
  object: v.string(),
  id: v.string(),
  deleted: v.boolean(),
  slug: v.optional(v.string()),
  external_id: v.nullish(v.string()),
});

export const sessionSchema: v.GenericSchema<unknown, ClerkSession> = shape<ClerkSession>({
  id: v.string(),
  object: v.literal("session"),
  client_id: v.string(),
  user_id: v.string(),
  status: openString<"active" | "ended" | "removed" | "revoked" | "expired" | "abandoned" | "replaced">(),
  last_active_organization_id: v.nullish(v.string()),
  actor: v.nullish(jsonObject),
  last_active_at: time,
  expire_at: time,
  abandon_at: time,
  created_at: time,
  updated_at: time,
});

export const organizationSchema: v.GenericSchema<unknown, ClerkOrganization> = shape<ClerkOrganization>({
  id: v.string(),
  object: v.literal("organization"),
  name: v.string(),
  slug: v.string(),
  image_url: v.optional(v.string()),
  has_image: v.optional(v.boolean()),
  members_count: v.optional(v.number()),
  max_allowed_memberships: v.optional(v.number()),
  admin_delete_enabled: v.optional(v.boolean()),
  public_metadata: v.nullish(jsonObject),
  private_metadata: v.optional(jsonObject),
  created_by: v.optional(v.string()),
  created_at: time,
  updated_at: time,
});

export const membershipSchema: v.GenericSchema<unknown, ClerkOrganizationMembership> =
  shape<ClerkOrganizationMembership>({
    id: v.string(),
    object: v.literal("organization_membership"),
    role: v.string(),
    permissions: v.optional(v.array(v.string())),
    public_metadata: v.optional(jsonObject),
    private_metadata: v.optional(jsonObject),
    created_at: time,
    updated_at: time,
    organization: organizationSchema,
    public_user_data: shape<ClerkPublicUserData>({
      user_id: v.string(),
      identifier: v.string(),
      first_name: v.nullish(v.string()),
      last_name: v.nullish(v.string()),
      image_url: v.optional(v.string()),
      has_image: v.optional(v.boolean()),
    }),
  });

export const emailSchema: v.GenericSchema<unknown, ClerkEmail> = shape<ClerkEmail>({
  id: v.string(),
  object: v.literal("email"),
  slug: v.nullish(v.string()),
  from_email_name: v.string(),
  to_email_address: v.optional(v.string()),
  email_address_id: v.nullable(v.string()),
  user_id: v.nullish(v.string()),
  subject: v.optional(v.string()),
  body: v.optional(v.string()),
  body_plain: v.nullish(v.string()),
  status: v.optional(v.string()),
  data: v.nullish(jsonObject),
  delivered_by_clerk: v.boolean(),
});

const attributes = shape<ClerkEventAttributes>({
  http_request: shape<ClerkEventAttributes["http_request"]>({
    client_ip: v.string(),
    user_agent: v.string(),
  }),
});

/** The envelope around one event type's `data`. */
export function clerkEvent<Type extends string, Data>(
  type: Type,
  data: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, ClerkEvent<Type, Data>> {
  return v.looseObject({
    data,
    object: v.literal("event"),
    type: v.literal(type),
    timestamp: time,
    instance_id: v.string(),
    event_attributes: v.optional(attributes),
  }) as v.GenericSchema<unknown, ClerkEvent<Type, Data>>;
}
