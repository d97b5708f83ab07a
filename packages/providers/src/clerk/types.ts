/**
 * Clerk's payload types, after `Webhooks.ts` and `JSON.ts` in clerk/javascript. Times are epoch milliseconds.
 * @module
 */

/** Where the change came from, when Clerk knows. */
export interface ClerkEventAttributes {
  http_request: { client_ip: string; user_agent: string };
}

/**
 * Every Clerk event. `timestamp` and `instance_id` are on the wire but not in Clerk's own `Webhook` type, so
 * an event without them is accepted.
 */
export interface ClerkEvent<Type extends string, Data> {
  data: Data;
  object: "event";
  type: Type;
  /** When the event happened, epoch **milliseconds** (the `svix-timestamp` header is the attempt, in seconds). */
  timestamp?: number;
  /** `ins_…`. */
  instance_id?: string;
  /** Absent from older deliveries and from Clerk's own docs example. */
  event_attributes?: ClerkEventAttributes;
}

/** A verification of an email address, phone number or wallet. */
export interface ClerkVerification {
  status: "unverified" | "verified" | "transferable" | "failed" | "expired" | (string & Record<never, never>);
  strategy: string;
  attempts?: number | null;
  expire_at?: number | null;
}

/** An email address of a user (`idn_…`). */
export interface ClerkEmailAddress {
  id: string;
  object: "email_address";
  email_address: string;
  verification: ClerkVerification | null;
  linked_to: { id: string; type: string }[];
}

/** A phone number of a user (`idn_…`). */
export interface ClerkPhoneNumber {
  id: string;
  phone_number: string;
  verification?: ClerkVerification | null;
}

/** A web3 wallet of a user. */
export interface ClerkWeb3Wallet {
  id: string;
  web3_wallet: string;
}

/** An OAuth account linked to a user (`provider` like `oauth_google`). */
export interface ClerkExternalAccount {
  id: string;
  provider: string;
}

/** A Clerk user, as `user.created` / `user.updated` carry it. */
export interface ClerkUser {
  /** `user_…`. */
  id: string;
  object: "user";
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  image_url: string;
  has_image?: boolean;
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  primary_web3_wallet_id: string | null;
  password_enabled: boolean;
  two_factor_enabled: boolean;
  totp_enabled?: boolean;
  backup_code_enabled?: boolean;
  email_addresses: ClerkEmailAddress[];
  phone_numbers: ClerkPhoneNumber[];
  web3_wallets: ClerkWeb3Wallet[];
  external_accounts: ClerkExternalAccount[];
  enterprise_accounts?: Record<string, unknown>[];
  /** Removed from Clerk's `UserJSON` type in 2025-11, still in the Backend API object. */
  saml_accounts?: Record<string, unknown>[];
  passkeys?: Record<string, unknown>[];
  organization_memberships?: Record<string, unknown>[] | null;
  public_metadata: Record<string, unknown>;
  private_metadata: Record<string, unknown>;
  unsafe_metadata: Record<string, unknown>;
  external_id: string | null;
  last_sign_in_at: number | null;
  password_last_updated_at?: number | null;
  banned?: boolean;
  locked?: boolean;
  lockout_expires_in_seconds?: number | null;
  verification_attempts_remaining?: number | null;
  created_at: number;
  updated_at: number;
  last_active_at?: number | null;
  create_organization_enabled?: boolean;
  create_organizations_limit?: number | null;
  delete_self_enabled?: boolean;
  legal_accepted_at?: number | null;
  /** BCP 47. */
  locale?: string | null;
}

/** What `user.deleted`, `organization.deleted` and `organizationDomain.deleted` carry: a stub of the deleted object. */
export interface ClerkDeletedObject {
  /** `"user"`, `"organization"`, `"organization_domain"`. */
  object: string;
  /** Optional in Clerk's `DeletedObjectJSON`. */
  id?: string;
  deleted: boolean;
  slug?: string;
  external_id?: string | null;
}

/** A session (`sess_…`), as `session.*` events carry it. */
export interface ClerkSession {
  id: string;
  object: "session";
  /** `client_…`. */
  client_id: string;
  user_id: string;
  status:
    | "active"
    | "ended"
    | "removed"
    | "revoked"
    | "expired"
    | "abandoned"
    | "replaced"
    | (string & Record<never, never>);
  last_active_organization_id?: string | null;
  actor?: Record<string, unknown> | null;
  last_active_at: number;
  expire_at: number;
  abandon_at: number;
  created_at: number;
  updated_at: number;
}

/** An organization (`org_…`). */
export interface ClerkOrganization {
  id: string;
  object: "organization";
  name: string;
  slug: string;
  image_url?: string;
  has_image?: boolean;
  members_count?: number;
  max_allowed_memberships?: number;
  admin_delete_enabled?: boolean;
  public_metadata?: Record<string, unknown> | null;
  private_metadata?: Record<string, unknown>;
  created_by?: string;
  created_at: number;
  updated_at: number;
}

/** The public part of a member's user record, inside a membership. */
export interface ClerkPublicUserData {
  user_id: string;
  identifier: string;
  first_name?: string | null;
  last_name?: string | null;
  image_url?: string;
  has_image?: boolean;
}

/** A membership (`orgmem_…`), as `organizationMembership.*` events carry it. */
export interface ClerkOrganizationMembership {
  id: string;
  object: "organization_membership";
  /** `org:admin`, `org:member`, or a custom role key. */
  role: string;
  permissions?: string[];
  public_metadata?: Record<string, unknown>;
  private_metadata?: Record<string, unknown>;
  created_at: number;
  updated_at: number;
  organization: ClerkOrganization;
  public_user_data: ClerkPublicUserData;
}

/** An email Clerk is sending (`email.created`): with "delivered by Clerk" off, you deliver it yourself. */
export interface ClerkEmail {
  id: string;
  object: "email";
  slug?: string | null;
  from_email_name: string;
  to_email_address?: string;
  email_address_id: string | null;
  user_id?: string | null;
  subject?: string;
  body?: string;
  body_plain?: string | null;
  status?: string;
  data?: Record<string, unknown> | null;
  delivered_by_clerk: boolean;
}

/** An SMS Clerk is sending (`sms.created`): with "delivered by Clerk" off, you deliver it yourself. */
export interface ClerkSmsMessage {
  id: string;
  object: "sms_message";
  from_phone_number: string;
  to_phone_number: string;
  /** `idn_…`. */
  phone_number_id: string | null;
  user_id?: string;
  message: string;
  status: string;
  slug?: string | null;
  data?: Record<string, unknown> | null;
  delivered_by_clerk: boolean;
}

/** Where an organization domain's verification stands. */
export interface ClerkOrganizationDomainVerification {
  status: "unverified" | "verified" | (string & Record<never, never>);
  /** `email_code`, the only strategy so far. */
  strategy: "email_code" | (string & Record<never, never>);
  attempts: number;
  expires_at: number;
}

/** A verified domain of an organization (`orgdmn_…`), as `organizationDomain.created|updated` carry it. */
export interface ClerkOrganizationDomain {
  id: string;
  object: "organization_domain";
  /** The domain: `example.com`. */
  name: string;
  organization_id: string;
  enrollment_mode:
    | "manual_invitation"
    | "automatic_invitation"
    | "automatic_suggestion"
    | (string & Record<never, never>);
  verification: ClerkOrganizationDomainVerification | null;
  affiliation_email_address: string | null;
  created_at: number;
  updated_at: number;
  total_pending_invitations: number;
  total_pending_suggestions: number;
}

/** The public part of an organization, inside an invitation. */
export interface ClerkPublicOrganizationData {
  id: string;
  /** In Clerk's backend type (which gives every resource one), not in its frontend type. */
  object?: string;
  name: string;
  slug: string;
  image_url?: string;
  has_image: boolean;
}

/** An invitation to an organization (`orginv_…`), as `organizationInvitation.created|revoked` carry it. */
export interface ClerkOrganizationInvitation {
  id: string;
  /** `organization_invitation`; Clerk's type leaves it any resource type. */
  object: "organization_invitation" | (string & Record<never, never>);
  email_address: string;
  /** `org:admin`, `org:member`, or a custom role key. */
  role: string;
  role_name: string;
  organization_id: string;
  public_organization_data?: ClerkPublicOrganizationData | null;
  status?: "pending" | "accepted" | "revoked" | "expired" | (string & Record<never, never>);
  public_metadata: Record<string, unknown>;
  private_metadata: Record<string, unknown>;
  url: string | null;
  created_at: number;
  updated_at: number;
  expires_at: number;
}

/** An accepted invitation (`organizationInvitation.accepted`), with the user who accepted it. */
export interface ClerkOrganizationInvitationAccepted extends ClerkOrganizationInvitation {
  status: "accepted";
  /** `user_…`. */
  user_id: string;
}

/** A permission (`perm_…`), as `permission.*` events carry it. */
export interface ClerkPermission {
  id: string;
  object: "permission";
  /** `org:invoices:read`. */
  key: string;
  name: string;
  description: string;
  created_at: number;
  updated_at: number;
}

/** A role (`role_…`), as `role.*` events carry it. */
export interface ClerkRole {
  id: string;
  object: "role";
  /** `org:admin`, `org:member`, or a custom key. */
  key: string;
  name: string;
  description: string | null;
  /** Required in Clerk's `RoleJSON`, yet its `Role.fromJSON` reads a missing list as empty: accepted absent. */
  permissions?: ClerkPermission[];
  is_creator_eligible: boolean;
  created_at: number;
  updated_at: number;
}

/** An invitation to the application (`inv_…`), inside a waitlist entry. */
export interface ClerkInvitation {
  id: string;
  object: "invitation";
  email_address: string;
  public_metadata: Record<string, unknown> | null;
  revoked?: boolean;
  status: "pending" | "accepted" | "revoked" | "expired" | (string & Record<never, never>);
  url?: string;
  created_at: number;
  updated_at: number;
}

/** A waitlist entry (`wle_…`), as `waitlistEntry.*` events carry it. */
export interface ClerkWaitlistEntry {
  id: string;
  object: "waitlist_entry";
  status: "pending" | "invited" | "completed" | "rejected" | (string & Record<never, never>);
  email_address: string;
  invitation: ClerkInvitation | null;
  is_locked: boolean;
  created_at: number;
  updated_at: number;
}

/** An amount of money: `amount` in the currency's minor unit (cents). */
export interface ClerkBillingMoneyAmount {
  amount: number;
  /** `"20.00"`. */
  amount_formatted: string;
  /** `USD`. */
  currency: string;
  currency_symbol: string;
}

/** The user or organization that pays. */
/**
 * Who pays. Clerk's webhook type has the person fields as optional strings, but its own billing mocks send
 * `null` for `user_id` and `email` (an organization payer): billing is experimental, so `null` is accepted.
 */
export interface ClerkBillingPayer {
  id: string;
  object: "commerce_payer";
  instance_id: string;
  user_id?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  email?: string | null;
  organization_id?: string | null;
  organization_name?: string | null;
  image_url: string;
  created_at: number;
  updated_at: number;
}

/** The lifecycle state of a subscription or subscription item. */
export type ClerkBillingSubscriptionStatus =
  | "abandoned"
  | "active"
  | "canceled"
  | "ended"
  | "expired"
  | "incomplete"
  | "past_due"
  | "upcoming"
  | (string & Record<never, never>);

/** What is left of the current period, credited on a plan change. */
export interface ClerkBillingCredit {
  amount: ClerkBillingMoneyAmount;
  cycle_days_remaining: number;
  cycle_days_total: number;
  cycle_remaining_percent: number;
}

/** The plan of a subscription item, as billing events carry it. Amounts in the minor unit. */
export interface ClerkBillingSubscriptionItemPlan {
  /** `cplan_…`. */
  id: string;
  instance_id: string;
  product_id: string;
  name: string;
  slug: string;
  description?: string;
  is_default: boolean;
  is_recurring: boolean;
  amount: number;
  period: "month" | "annual" | (string & Record<never, never>);
  interval: number;
  has_base_fee: boolean;
  currency: string;
  annual_monthly_amount: number;
  publicly_visible: boolean;
}

/** A subscription item: one plan of a payer, as `subscriptionItem.*` events carry it. */
export interface ClerkBillingSubscriptionItem {
  id: string;
  object: "commerce_subscription_item";
  status: ClerkBillingSubscriptionStatus;
  credit: ClerkBillingCredit;
  proration_date: string;
  plan_period: "month" | "annual" | (string & Record<never, never>);
  period_start: number;
  period_end: number | null;
  canceled_at?: number;
  past_due_at?: number;
  lifetime_paid: number;
  next_payment_amount: number;
  next_payment_date: number;
  amount: ClerkBillingMoneyAmount;
  plan?: ClerkBillingSubscriptionItemPlan | null;
  plan_id?: string | null;
  payer?: ClerkBillingPayer;
}

/** A subscription: a payer's container of subscription items, as `subscription.*` events carry it. */
export interface ClerkBillingSubscription {
  id: string;
  object: "commerce_subscription";
  status: ClerkBillingSubscriptionStatus;
  active_at?: number;
  canceled_at?: number;
  created_at: number;
  ended_at?: number;
  past_due_at?: number;
  updated_at: number;
  latest_payment_id: string;
  payer_id: string;
  payer: ClerkBillingPayer;
  payment_source_id: string;
  items: ClerkBillingSubscriptionItem[];
}

/** The payment gateway account paid into. */
export interface ClerkBillingPayee {
  id: string;
  gateway_type: string;
  gateway_external_id: string;
  gateway_status: "active" | "pending" | "restricted" | "disconnected" | (string & Record<never, never>);
}

/** Subtotal, tax and grand total of a payment. */
export interface ClerkBillingTotals {
  subtotal: ClerkBillingMoneyAmount;
  tax_total: ClerkBillingMoneyAmount;
  grand_total: ClerkBillingMoneyAmount;
}

/** The card or other method a payment is charged to. */
export interface ClerkBillingPaymentSource {
  id: string;
  /** `stripe`. */
  gateway: string;
  gateway_external_id: string;
  gateway_external_account_id?: string;
  /** `card`. */
  payment_method: string;
  status: "active" | "disconnected" | (string & Record<never, never>);
  card_type?: string;
  last4?: string;
}

/** A payment attempt, as `paymentAttempt.*` events carry it. */
export interface ClerkBillingPaymentAttempt {
  id: string;
  object: "commerce_payment_attempt";
  instance_id: string;
  payment_id: string;
  statement_id: string;
  gateway_external_id: string;
  status: "pending" | "paid" | "failed" | (string & Record<never, never>);
  created_at: number;
  updated_at: number;
  /** Optional in Clerk's webhook type, nullable in its SDK docs: either is accepted. */
  paid_at?: number | null;
  failed_at?: number | null;
  failed_reason?: { code: string; decline_code: string };
  billing_date: number;
  charge_type: "checkout" | "recurring" | (string & Record<never, never>);
  payee: ClerkBillingPayee;
  payer: ClerkBillingPayer;
  totals: ClerkBillingTotals;
  payment_source: ClerkBillingPaymentSource;
  subscription_items: ClerkBillingSubscriptionItem[];
}
