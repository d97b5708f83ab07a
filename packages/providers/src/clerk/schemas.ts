/**
 * The schemas of Clerk's payloads. Nested objects are kept loose: the fields a handler relies on are
 * checked, the rest pass through.
 *
 * Checked field by field against Clerk's own types (clerk/javascript at e21ae9a4,
 * `packages/backend/src/api/resources/JSON.ts` for each resource, `Webhooks.ts` for the envelope): a key
 * Clerk types `?:` is optional here, `| null` is nullable, and Clerk's closed string unions stay open. Some
 * keys Clerk types as required are optional here (older deliveries lack them); none is stricter.
 * @module
 */
import * as v from "valibot";
import { type Fields, jsonObject, openString, shape } from "../kit/shape.js";
import type {
  ClerkBillingCredit,
  ClerkBillingMoneyAmount,
  ClerkBillingPayee,
  ClerkBillingPayer,
  ClerkBillingPaymentAttempt,
  ClerkBillingPaymentSource,
  ClerkBillingSubscription,
  ClerkBillingSubscriptionItem,
  ClerkBillingSubscriptionItemPlan,
  ClerkBillingSubscriptionStatus,
  ClerkBillingTotals,
  ClerkDeletedObject,
  ClerkEmail,
  ClerkEmailAddress,
  ClerkExternalAccount,
  ClerkInvitation,
  ClerkOrganization,
  ClerkOrganizationDomain,
  ClerkOrganizationDomainVerification,
  ClerkOrganizationInvitation,
  ClerkOrganizationInvitationAccepted,
  ClerkOrganizationMembership,
  ClerkPermission,
  ClerkPhoneNumber,
  ClerkPublicOrganizationData,
  ClerkPublicUserData,
  ClerkRole,
  ClerkSession,
  ClerkSmsMessage,
  ClerkUser,
  ClerkVerification,
  ClerkWaitlistEntry,
  ClerkWeb3Wallet,
} from "./types.js";

const time = v.number();
const list = v.array(jsonObject);

// JSON.ts `VerificationJSON`.
const verification = shape<ClerkVerification>({
  status: openString<"unverified" | "verified" | "transferable" | "failed" | "expired">(),
  strategy: v.string(),
  attempts: v.nullish(v.number()),
  expire_at: v.nullish(v.number()),
});

// JSON.ts `EmailAddressJSON`; `linked_to[]` is `IdentificationLinkJSON`.
const emailAddress = shape<ClerkEmailAddress>({
  id: v.string(),
  object: v.literal("email_address"),
  email_address: v.string(),
  verification: v.nullable(verification),
  linked_to: v.array(shape<{ id: string; type: string }>({ id: v.string(), type: v.string() })),
});

// JSON.ts `UserJSON`, `PhoneNumberJSON`, `Web3WalletJSON`, `ExternalAccountJSON`.
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

// JSON.ts `DeletedObjectJSON` (`id?`), and `UserDeletedJSON` (`external_id?`) for `user.deleted`.
export const deletedSchema: v.GenericSchema<unknown, ClerkDeletedObject> = shape<ClerkDeletedObject>({
  object: v.string(),
  id: v.optional(v.string()),
  deleted: v.boolean(),
  slug: v.optional(v.string()),
  external_id: v.nullish(v.string()),
});

// JSON.ts `SessionWebhookEventJSON` (`SessionJSON` and its `user`, which passes through unchecked).
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

// JSON.ts `OrganizationJSON`.
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

// JSON.ts `OrganizationMembershipJSON`, `OrganizationMembershipPublicUserDataJSON`.
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

// JSON.ts `EmailJSON`.
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

// JSON.ts `SMSMessageJSON`.
export const smsSchema: v.GenericSchema<unknown, ClerkSmsMessage> = shape<ClerkSmsMessage>({
  id: v.string(),
  object: v.literal("sms_message"),
  from_phone_number: v.string(),
  to_phone_number: v.string(),
  phone_number_id: v.nullable(v.string()),
  user_id: v.optional(v.string()),
  message: v.string(),
  status: v.string(),
  slug: v.nullish(v.string()),
  data: v.nullish(jsonObject),
  delivered_by_clerk: v.boolean(),
});

// JSON.ts `OrganizationDomainJSON`, `OrganizationDomainVerificationJSON`.
export const organizationDomainSchema: v.GenericSchema<unknown, ClerkOrganizationDomain> =
  shape<ClerkOrganizationDomain>({
    id: v.string(),
    object: v.literal("organization_domain"),
    name: v.string(),
    organization_id: v.string(),
    enrollment_mode: openString<"manual_invitation" | "automatic_invitation" | "automatic_suggestion">(),
    verification: v.nullable(
      shape<ClerkOrganizationDomainVerification>({
        status: openString<"unverified" | "verified">(),
        strategy: openString<"email_code">(),
        attempts: v.number(),
        expires_at: time,
      }),
    ),
    affiliation_email_address: v.nullable(v.string()),
    created_at: time,
    updated_at: time,
    total_pending_invitations: v.number(),
    total_pending_suggestions: v.number(),
  });

// JSON.ts `OrganizationInvitationJSON`, `PublicOrganizationDataJSON`. Its `object` is `ClerkResourceJSON`'s
// `ObjectType`, not narrowed to `organization_invitation` as the other resources are, so it stays open.
const invitationFields: Fields<ClerkOrganizationInvitation> = {
  id: v.string(),
  object: openString<"organization_invitation">(),
  email_address: v.string(),
  role: v.string(),
  role_name: v.string(),
  organization_id: v.string(),
  public_organization_data: v.nullish(
    shape<ClerkPublicOrganizationData>({
      id: v.string(),
      object: v.optional(v.string()),
      name: v.string(),
      slug: v.string(),
      image_url: v.optional(v.string()),
      has_image: v.boolean(),
    }),
  ),
  status: v.optional(openString<"pending" | "accepted" | "revoked" | "expired">()),
  public_metadata: jsonObject,
  private_metadata: jsonObject,
  url: v.nullable(v.string()),
  created_at: time,
  updated_at: time,
  expires_at: time,
};

export const organizationInvitationSchema: v.GenericSchema<unknown, ClerkOrganizationInvitation> =
  shape<ClerkOrganizationInvitation>(invitationFields);

// JSON.ts `OrganizationInvitationAcceptedJSON`.
export const organizationInvitationAcceptedSchema: v.GenericSchema<
  unknown,
  ClerkOrganizationInvitationAccepted
> = shape<ClerkOrganizationInvitationAccepted>({
  ...invitationFields,
  status: v.literal("accepted"),
  user_id: v.string(),
});

// JSON.ts `PermissionJSON`.
export const permissionSchema: v.GenericSchema<unknown, ClerkPermission> = shape<ClerkPermission>({
  id: v.string(),
  object: v.literal("permission"),
  key: v.string(),
  name: v.string(),
  description: v.string(),
  created_at: time,
  updated_at: time,
});

// JSON.ts `RoleJSON`.
export const roleSchema: v.GenericSchema<unknown, ClerkRole> = shape<ClerkRole>({
  id: v.string(),
  object: v.literal("role"),
  key: v.string(),
  name: v.string(),
  description: v.nullable(v.string()),
  permissions: v.optional(v.array(permissionSchema)),
  is_creator_eligible: v.boolean(),
  created_at: time,
  updated_at: time,
});

// JSON.ts `WaitlistEntryJSON`, `InvitationJSON`.
export const waitlistEntrySchema: v.GenericSchema<unknown, ClerkWaitlistEntry> = shape<ClerkWaitlistEntry>({
  id: v.string(),
  object: v.literal("waitlist_entry"),
  status: openString<"pending" | "invited" | "completed" | "rejected">(),
  email_address: v.string(),
  invitation: v.nullable(
    shape<ClerkInvitation>({
      id: v.string(),
      object: v.literal("invitation"),
      email_address: v.string(),
      public_metadata: v.nullable(jsonObject),
      revoked: v.optional(v.boolean()),
      status: openString<"pending" | "accepted" | "revoked" | "expired">(),
      url: v.optional(v.string()),
      created_at: time,
      updated_at: time,
    }),
  ),
  is_locked: v.boolean(),
  created_at: time,
  updated_at: time,
});

// JSON.ts `BillingMoneyAmountJSON`.
const money = shape<ClerkBillingMoneyAmount>({
  amount: v.number(),
  amount_formatted: v.string(),
  currency: v.string(),
  currency_symbol: v.string(),
});

const billingStatus: v.GenericSchema<unknown, ClerkBillingSubscriptionStatus> = openString<
  "abandoned" | "active" | "canceled" | "ended" | "expired" | "incomplete" | "past_due" | "upcoming"
>();

const period = openString<"month" | "annual">();

// JSON.ts `BillingPayerJSON` (`email` required there; `null` here, see `ClerkBillingPayer`).
const payer = shape<ClerkBillingPayer>({
  id: v.string(),
  object: v.literal("commerce_payer"),
  instance_id: v.string(),
  user_id: v.nullish(v.string()),
  first_name: v.nullish(v.string()),
  last_name: v.nullish(v.string()),
  email: v.nullish(v.string()),
  organization_id: v.nullish(v.string()),
  organization_name: v.nullish(v.string()),
  image_url: v.string(),
  created_at: time,
  updated_at: time,
});

// JSON.ts `BillingSubscriptionItemWebhookEventJSON`.
export const subscriptionItemSchema: v.GenericSchema<unknown, ClerkBillingSubscriptionItem> =
  shape<ClerkBillingSubscriptionItem>({
    id: v.string(),
    object: v.literal("commerce_subscription_item"),
    status: billingStatus,
    credit: shape<ClerkBillingCredit>({
      amount: money,
      cycle_days_remaining: v.number(),
      cycle_days_total: v.number(),
      cycle_remaining_percent: v.number(),
    }),
    proration_date: v.string(),
    plan_period: period,
    period_start: time,
    period_end: v.nullable(time),
    canceled_at: v.optional(time),
    past_due_at: v.optional(time),
    lifetime_paid: v.number(),
    next_payment_amount: v.number(),
    next_payment_date: time,
    amount: money,
    plan: v.nullish(
      shape<ClerkBillingSubscriptionItemPlan>({
        id: v.string(),
        instance_id: v.string(),
        product_id: v.string(),
        name: v.string(),
        slug: v.string(),
        description: v.optional(v.string()),
        is_default: v.boolean(),
        is_recurring: v.boolean(),
        amount: v.number(),
        period,
        interval: v.number(),
        has_base_fee: v.boolean(),
        currency: v.string(),
        annual_monthly_amount: v.number(),
        publicly_visible: v.boolean(),
      }),
    ),
    plan_id: v.nullish(v.string()),
    payer: v.optional(payer),
  });

// JSON.ts `BillingSubscriptionWebhookEventJSON`.
export const subscriptionSchema: v.GenericSchema<unknown, ClerkBillingSubscription> =
  shape<ClerkBillingSubscription>({
    id: v.string(),
    object: v.literal("commerce_subscription"),
    status: billingStatus,
    active_at: v.optional(time),
    canceled_at: v.optional(time),
    created_at: time,
    ended_at: v.optional(time),
    past_due_at: v.optional(time),
    updated_at: time,
    latest_payment_id: v.string(),
    payer_id: v.string(),
    payer,
    payment_source_id: v.string(),
    items: v.array(subscriptionItemSchema),
  });

// JSON.ts `BillingPaymentAttemptWebhookEventJSON`, `BillingPayeeJSON`, `BillingTotalsJSON`.
export const paymentAttemptSchema: v.GenericSchema<unknown, ClerkBillingPaymentAttempt> =
  shape<ClerkBillingPaymentAttempt>({
    id: v.string(),
    object: v.literal("commerce_payment_attempt"),
    instance_id: v.string(),
    payment_id: v.string(),
    statement_id: v.string(),
    gateway_external_id: v.string(),
    status: openString<"pending" | "paid" | "failed">(),
    created_at: time,
    updated_at: time,
    paid_at: v.nullish(time),
    failed_at: v.nullish(time),
    failed_reason: v.optional(
      shape<{ code: string; decline_code: string }>({ code: v.string(), decline_code: v.string() }),
    ),
    billing_date: time,
    charge_type: openString<"checkout" | "recurring">(),
    payee: shape<ClerkBillingPayee>({
      id: v.string(),
      gateway_type: v.string(),
      gateway_external_id: v.string(),
      gateway_status: openString<"active" | "pending" | "restricted" | "disconnected">(),
    }),
    payer,
    totals: shape<ClerkBillingTotals>({ subtotal: money, tax_total: money, grand_total: money }),
    payment_source: shape<ClerkBillingPaymentSource>({
      id: v.string(),
      gateway: v.string(),
      gateway_external_id: v.string(),
      gateway_external_account_id: v.optional(v.string()),
      payment_method: v.string(),
      status: openString<"active" | "disconnected">(),
      card_type: v.optional(v.string()),
      last4: v.optional(v.string()),
    }),
    subscription_items: v.array(subscriptionItemSchema),
  });
