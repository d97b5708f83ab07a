/**
 * @hookproof/core/providers: schemes, typed event catalogues and event-id rules for each provider.
 * @module
 */

export type { ClerkEvents, ClerkOptions } from "./clerk.js";
export { clerk, clerkCatalogue } from "./clerk.js";
export type {
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
  ClerkEvent,
  ClerkEventAttributes,
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
} from "./clerk-types.js";
export type { FerrisKeyEvents, FerrisKeyOptions } from "./ferriskey.js";
export { ferriskey, ferriskeyCatalogue } from "./ferriskey.js";
export type {
  FerrisKeyClient,
  FerrisKeyDeviceFlowEvent,
  FerrisKeyEvent,
  FerrisKeyRealm,
  FerrisKeyRealmSetting,
  FerrisKeyRedirectUri,
  FerrisKeyRole,
  FerrisKeyUser,
  FerrisKeyWebhook,
  FerrisKeyWebhookSubscriber,
  FerrisKeyWebOrigin,
} from "./ferriskey-types.js";
export type {
  GenericDeleted,
  GenericEvent,
  GenericEvents,
  GenericOptions,
  GenericProject,
  GenericTeamMember,
  GenericUser,
} from "./generic.js";
export { generic, genericCatalogue } from "./generic.js";
export type { StackAuthEvents, StackAuthOptions } from "./stack-auth.js";
export { stackAuth, stackAuthCatalogue } from "./stack-auth.js";
export type {
  StackAuthDeletedTeam,
  StackAuthDeletedUser,
  StackAuthEvent,
  StackAuthOAuthProvider,
  StackAuthProjectPermission,
  StackAuthRestrictedReason,
  StackAuthRiskScores,
  StackAuthTeam,
  StackAuthTeamMembership,
  StackAuthTeamPermission,
  StackAuthTestMessage,
  StackAuthUser,
} from "./stack-auth-schemas.js";
export type {
  TesseralEvents,
  TesseralOptions,
  TesseralSyncOrganization,
  TesseralSyncUser,
} from "./tesseral.js";
export { tesseral, tesseralCatalogue } from "./tesseral.js";
export type {
  UserfrontEvent,
  UserfrontEvents,
  UserfrontOptions,
  UserfrontTenant,
  UserfrontUser,
} from "./userfront.js";
export { userfront, userfrontCatalogue } from "./userfront.js";
