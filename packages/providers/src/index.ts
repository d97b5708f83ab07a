/**
 * @hookproof/providers: one preset per sender (its scheme, typed event catalogue, event id and replay
 * rules), each also at its own subpath (`@hookproof/providers/stack-auth`).
 * @module
 */

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
  ClerkEventData,
  ClerkEvents,
  ClerkExternalAccount,
  ClerkInvitation,
  ClerkOptions,
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
} from "./clerk/index.js";
export { clerk, clerkCatalogue } from "./clerk/index.js";
export type {
  FerrisKeyClient,
  FerrisKeyDeviceFlowEvent,
  FerrisKeyEvent,
  FerrisKeyEventData,
  FerrisKeyEvents,
  FerrisKeyOptions,
  FerrisKeyRealm,
  FerrisKeyRealmSetting,
  FerrisKeyRedirectUri,
  FerrisKeyRole,
  FerrisKeyUser,
  FerrisKeyWebhook,
  FerrisKeyWebhookSubscriber,
  FerrisKeyWebOrigin,
} from "./ferriskey/index.js";
export { ferriskey, ferriskeyCatalogue } from "./ferriskey/index.js";
export type {
  GenericDeleted,
  GenericEvent,
  GenericEventData,
  GenericEvents,
  GenericOptions,
  GenericProject,
  GenericTeamMember,
  GenericUser,
} from "./generic/index.js";
export { generic, genericCatalogue, genericHmac } from "./generic/index.js";
export type { GitHubEventData, GitHubEvents, GitHubOptions, GitHubPayload } from "./github/index.js";
export { github, githubCatalogue, githubHmac } from "./github/index.js";
export type { ProviderInfo } from "./kit/about.js";
export type {
  SlackAppMention,
  SlackAppUninstalled,
  SlackAuthorization,
  SlackEventCallback,
  SlackEventData,
  SlackEvents,
  SlackMemberJoinedChannel,
  SlackOptions,
  SlackReactionAdded,
  SlackTokensRevoked,
} from "./slack/index.js";
export { slack, slackCatalogue, slackHmac } from "./slack/index.js";
export type {
  StackAuthDeletedTeam,
  StackAuthDeletedUser,
  StackAuthEvent,
  StackAuthEventData,
  StackAuthEvents,
  StackAuthOAuthProvider,
  StackAuthOptions,
  StackAuthProjectPermission,
  StackAuthRestrictedReason,
  StackAuthRiskScores,
  StackAuthTeam,
  StackAuthTeamMembership,
  StackAuthTeamPermission,
  StackAuthTestMessage,
  StackAuthUser,
} from "./stack-auth/index.js";
export { stackAuth, stackAuthCatalogue } from "./stack-auth/index.js";
export type {
  StripeEvent,
  StripeEventData,
  StripeEvents,
  StripeObject,
  StripeOptions,
} from "./stripe/index.js";
export { stripe, stripeCatalogue, stripeHmac } from "./stripe/index.js";
export type {
  TesseralEvent,
  TesseralEventData,
  TesseralEvents,
  TesseralOptions,
  TesseralOrganizationRef,
  TesseralSyncOrganization,
  TesseralSyncUser,
  TesseralUserRef,
} from "./tesseral/index.js";
export { tesseral, tesseralCatalogue } from "./tesseral/index.js";
export type {
  UserfrontEvent,
  UserfrontEventData,
  UserfrontEvents,
  UserfrontOptions,
  UserfrontTenant,
  UserfrontUser,
} from "./userfront/index.js";
export { userfront, userfrontCatalogue } from "./userfront/index.js";
