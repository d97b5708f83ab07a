/**
 * @hookproof/providers: one preset per sender (its scheme, typed event catalogue, event id and replay
 * rules), each also at its own subpath (`@hookproof/providers/stack-auth`).
 * @module
 */

export type {
  Auth0ApiDetails,
  Auth0EventData,
  Auth0Events,
  Auth0Log,
  Auth0LogEntry,
  Auth0MemberAddedDetails,
  Auth0Options,
} from "./auth0/index.js";
export { auth0, auth0Catalogue } from "./auth0/index.js";
export type {
  BitbucketEventData,
  BitbucketEvents,
  BitbucketOptions,
  BitbucketPayload,
  BitbucketPullRequest,
  BitbucketPullRequestEvent,
  BitbucketPush,
  BitbucketRepository,
} from "./bitbucket/index.js";
export { bitbucket, bitbucketCatalogue } from "./bitbucket/index.js";
export type {
  CalendlyEvent,
  CalendlyEventData,
  CalendlyEvents,
  CalendlyInvitee,
  CalendlyOptions,
} from "./calendly/index.js";
export { calendly, calendlyCatalogue } from "./calendly/index.js";
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
  DiscordCommandData,
  DiscordCommandOption,
  DiscordComponentData,
  DiscordEventData,
  DiscordEvents,
  DiscordInteraction,
  DiscordMember,
  DiscordModalData,
  DiscordOptions,
  DiscordUser,
} from "./discord/index.js";
export { discord, discordCatalogue, discordEd25519 } from "./discord/index.js";
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
  FusionAuthBaseEvent,
  FusionAuthEmailUpdateEvent,
  FusionAuthEvent,
  FusionAuthEventData,
  FusionAuthEventInfo,
  FusionAuthEvents,
  FusionAuthGroup,
  FusionAuthGroupMember,
  FusionAuthGroupMemberEvent,
  FusionAuthLoginFailedEvent,
  FusionAuthLoginSuccessEvent,
  FusionAuthOptions,
  FusionAuthRegistration,
  FusionAuthRegistrationEvent,
  FusionAuthRegistrationUpdateEvent,
  FusionAuthUser,
  FusionAuthUserEvent,
  FusionAuthUserUpdateEvent,
} from "./fusion-auth/index.js";
export { fusionAuth, fusionAuthCatalogue, fusionAuthJwt } from "./fusion-auth/index.js";
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
export type {
  GitLabEventData,
  GitLabEvents,
  GitLabOptions,
  GitLabPipeline,
  GitLabProject,
  GitLabPush,
  GitLabWorkItem,
  GitLabWorkItemAttributes,
} from "./gitlab/index.js";
export { gitlab, gitlabCatalogue } from "./gitlab/index.js";
export type {
  HubSpotChange,
  HubSpotCreation,
  HubSpotDeletion,
  HubSpotEventData,
  HubSpotEvents,
  HubSpotNotification,
  HubSpotOptions,
  HubSpotPropertyChange,
} from "./hubspot/index.js";
export { hubspot, hubspotCatalogue, hubspotHmac } from "./hubspot/index.js";
export type {
  IntercomEvent,
  IntercomEventData,
  IntercomEvents,
  IntercomItem,
  IntercomOptions,
} from "./intercom/index.js";
export { intercom, intercomCatalogue } from "./intercom/index.js";
export type {
  KindeAccessRequest,
  KindeEvent,
  KindeEventData,
  KindeEvents,
  KindeKeyed,
  KindeOptions,
  KindeOrganization,
  KindePermission,
  KindeRole,
  KindeSubscriber,
  KindeUser,
  KindeUserOrganization,
} from "./kinde/index.js";
export { kinde, kindeCatalogue, kindeJwt } from "./kinde/index.js";
export type { ProviderInfo } from "./kit/about.js";
export type {
  LemonSqueezyEvent,
  LemonSqueezyEventData,
  LemonSqueezyEvents,
  LemonSqueezyMeta,
  LemonSqueezyOptions,
  LemonSqueezyOrder,
  LemonSqueezyOrderResource,
  LemonSqueezyResource,
  LemonSqueezySubscription,
  LemonSqueezySubscriptionResource,
} from "./lemon-squeezy/index.js";
export { lemonSqueezy, lemonSqueezyCatalogue } from "./lemon-squeezy/index.js";
export type {
  LinearComment,
  LinearEvent,
  LinearEventData,
  LinearEvents,
  LinearIssue,
  LinearIssueLabel,
  LinearIssueRef,
  LinearLabelRef,
  LinearOptions,
  LinearProject,
  LinearProjectRef,
  LinearProjectStatusRef,
  LinearStateRef,
  LinearTeamRef,
  LinearUserRef,
} from "./linear/index.js";
export { linear, linearCatalogue, linearHmac } from "./linear/index.js";
export type {
  LogtoApplication,
  LogtoDeleted,
  LogtoEnvelope,
  LogtoEvent,
  LogtoEventData,
  LogtoEvents,
  LogtoInteraction,
  LogtoMembershipUpdated,
  LogtoOptions,
  LogtoOrganization,
  LogtoOrganizationData,
  LogtoOrganizationRole,
  LogtoOrganizationRoleData,
  LogtoRole,
  LogtoRoleData,
  LogtoScopesUpdated,
  LogtoUser,
  LogtoUserData,
  LogtoUserDeleted,
} from "./logto/index.js";
export { logto, logtoCatalogue, logtoHmac } from "./logto/index.js";
export type {
  MailgunAccepted,
  MailgunClicked,
  MailgunDelivered,
  MailgunDeliveryStatus,
  MailgunEngagement,
  MailgunEventBase,
  MailgunEventData,
  MailgunEvents,
  MailgunFailed,
  MailgunMessage,
  MailgunOptions,
  MailgunSignature,
  MailgunWebhook,
} from "./mailgun/index.js";
export { mailgun, mailgunCatalogue } from "./mailgun/index.js";
export type {
  MessengerMessage,
  MessengerMessaging,
  MetaEvent,
  MetaEventData,
  MetaEvents,
  MetaOptions,
  WhatsAppMessage,
  WhatsAppMessagesValue,
  WhatsAppStatus,
} from "./meta/index.js";
export { meta, metaCatalogue, metaHmac } from "./meta/index.js";
export type { NetlifyDeploy, NetlifyEventData, NetlifyEvents, NetlifyOptions } from "./netlify/index.js";
export { netlify, netlifyCatalogue, netlifyJwt } from "./netlify/index.js";
export type {
  OktaActor,
  OktaEvent,
  OktaEventData,
  OktaEvents,
  OktaLogEvent,
  OktaOptions,
  OktaOutcome,
  OktaTarget,
} from "./okta/index.js";
export { okta, oktaCatalogue } from "./okta/index.js";
export type {
  OpenAIEvent,
  OpenAIEventData,
  OpenAIEvents,
  OpenAIObjectRef,
  OpenAIOptions,
} from "./openai/index.js";
export { openai, openaiCatalogue } from "./openai/index.js";
export type {
  PaddleBillingCycle,
  PaddleCreatedSubscription,
  PaddleCustomer,
  PaddleEvent,
  PaddleEventData,
  PaddleEvents,
  PaddleOptions,
  PaddleSubscription,
  PaddleSubscriptionItem,
  PaddleTransaction,
} from "./paddle/index.js";
export { paddle, paddleCatalogue, paddleHmac } from "./paddle/index.js";
export type {
  PolarCustomer,
  PolarEvent,
  PolarEventData,
  PolarEvents,
  PolarOptions,
  PolarOrder,
  PolarResource,
  PolarSubscription,
} from "./polar/index.js";
export { polar, polarCatalogue } from "./polar/index.js";
export type {
  PostmarkAddress,
  PostmarkBounce,
  PostmarkClick,
  PostmarkClient,
  PostmarkDelivery,
  PostmarkEventData,
  PostmarkEvents,
  PostmarkInbound,
  PostmarkMessageEvent,
  PostmarkOpen,
  PostmarkOptions,
  PostmarkSubscriptionChange,
  PostmarkTracking,
} from "./postmark/index.js";
export { postmark, postmarkCatalogue } from "./postmark/index.js";
export type {
  PropelAuthEvent,
  PropelAuthEventData,
  PropelAuthEvents,
  PropelAuthMfaPhoneCode,
  PropelAuthOptions,
  PropelAuthOrgApiKey,
  PropelAuthOrgCreated,
  PropelAuthOrgMembership,
  PropelAuthOrgRef,
  PropelAuthOrgRemoval,
  PropelAuthOrgRoleChange,
  PropelAuthScimGroup,
  PropelAuthScimGroupMembership,
  PropelAuthScimKey,
  PropelAuthUserApiKey,
  PropelAuthUserCreated,
  PropelAuthUserImpersonated,
  PropelAuthUserLogin,
  PropelAuthUserRef,
} from "./propel-auth/index.js";
export { propelAuth, propelAuthCatalogue } from "./propel-auth/index.js";
export type {
  RazorpayEvent,
  RazorpayEventData,
  RazorpayEvents,
  RazorpayNotes,
  RazorpayOptions,
  RazorpayOrder,
  RazorpayOrderPaidPayload,
  RazorpayPayment,
  RazorpayPaymentPayload,
} from "./razorpay/index.js";
export { razorpay, razorpayCatalogue, razorpayHmac } from "./razorpay/index.js";
export type {
  ReplicateEventData,
  ReplicateEvents,
  ReplicateOptions,
  ReplicatePrediction,
  ReplicateStatus,
} from "./replicate/index.js";
export { replicate, replicateCatalogue } from "./replicate/index.js";
export type {
  ResendBounce,
  ResendBouncedEmail,
  ResendContact,
  ResendDomain,
  ResendEmail,
  ResendEvent,
  ResendEventData,
  ResendEvents,
  ResendOptions,
} from "./resend/index.js";
export { resend, resendCatalogue } from "./resend/index.js";
export type {
  SendGridBounce,
  SendGridClick,
  SendGridDeferred,
  SendGridDelivered,
  SendGridDropped,
  SendGridEventBase,
  SendGridEventData,
  SendGridEvents,
  SendGridGroupChange,
  SendGridOpen,
  SendGridOptions,
  SendGridProcessed,
  SendGridSpamReport,
  SendGridUnsubscribe,
} from "./sendgrid/index.js";
export { sendgrid, sendgridCatalogue, sendgridEcdsa } from "./sendgrid/index.js";
export type {
  SentryActor,
  SentryEvent,
  SentryEventData,
  SentryEvents,
  SentryInstallation,
  SentryIssue,
  SentryOptions,
} from "./sentry/index.js";
export { sentry, sentryCatalogue } from "./sentry/index.js";
export type {
  ShopifyComplianceCustomer,
  ShopifyCustomer,
  ShopifyCustomersDataRequest,
  ShopifyCustomersRedact,
  ShopifyEventData,
  ShopifyEvents,
  ShopifyOptions,
  ShopifyOrder,
  ShopifyProduct,
  ShopifyResource,
  ShopifyShop,
  ShopifyShopRedact,
} from "./shopify/index.js";
export { shopify, shopifyCatalogue, shopifyHmac } from "./shopify/index.js";
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
  SnsConfirmation,
  SnsEventData,
  SnsEvents,
  SnsMessageAttribute,
  SnsNotification,
  SnsOptions,
} from "./sns/index.js";
export { sns, snsCatalogue } from "./sns/index.js";
export type {
  SquareCustomer,
  SquareEvent,
  SquareEventData,
  SquareEvents,
  SquareMoney,
  SquareOptions,
  SquareOrderCreated,
  SquarePayment,
  SquareRefund,
} from "./square/index.js";
export { square, squareCatalogue, squareHmac } from "./square/index.js";
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
  StytchActiveScimConnection,
  StytchActiveSsoConnection,
  StytchCustomRole,
  StytchEmailImplicitRoleAssignment,
  StytchEvent,
  StytchEventData,
  StytchEvents,
  StytchMember,
  StytchMemberRole,
  StytchMemberRoleSource,
  StytchNoObject,
  StytchOAuthRegistration,
  StytchOptions,
  StytchOrganization,
  StytchPassword,
  StytchRetiredEmail,
  StytchScimRegistration,
  StytchSsoRegistration,
  StytchUser,
  StytchUserEmail,
  StytchUserName,
  StytchUserPhoneNumber,
} from "./stytch/index.js";
export { stytch, stytchCatalogue } from "./stytch/index.js";
export type {
  SupabaseAccessTokenClaims,
  SupabaseAmrEntry,
  SupabaseCustomizeAccessToken,
  SupabaseEmailData,
  SupabaseEventData,
  SupabaseEvents,
  SupabaseFactor,
  SupabaseHook,
  SupabaseHookMetadata,
  SupabaseHookName,
  SupabaseIdentity,
  SupabaseMfaVerification,
  SupabaseOptions,
  SupabasePasswordVerification,
  SupabaseSendEmail,
  SupabaseSendSms,
  SupabaseSms,
  SupabaseUser,
  SupabaseUserCreated,
} from "./supabase/index.js";
export { supabase, supabaseCatalogue } from "./supabase/index.js";
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
  TwilioCall,
  TwilioCallStatus,
  TwilioEventData,
  TwilioEvents,
  TwilioHmacOptions,
  TwilioMessageBase,
  TwilioMessageReceived,
  TwilioMessageStatus,
  TwilioOptions,
} from "./twilio/index.js";
export { twilio, twilioCatalogue, twilioHmac } from "./twilio/index.js";
export type {
  TwitchBroadcaster,
  TwitchChannelCheer,
  TwitchChannelFollow,
  TwitchChannelRaid,
  TwitchChannelSubscribe,
  TwitchChannelUpdate,
  TwitchEventData,
  TwitchEvents,
  TwitchNotification,
  TwitchOptions,
  TwitchStreamOffline,
  TwitchStreamOnline,
  TwitchSubscription,
  TwitchUserUpdate,
} from "./twitch/index.js";
export { twitch, twitchCatalogue, twitchHmac } from "./twitch/index.js";
export type {
  TypeformEvent,
  TypeformEventData,
  TypeformEvents,
  TypeformOptions,
  TypeformResponse,
} from "./typeform/index.js";
export { typeform, typeformCatalogue } from "./typeform/index.js";
export type {
  UserfrontEvent,
  UserfrontEventData,
  UserfrontEvents,
  UserfrontOptions,
  UserfrontTenant,
  UserfrontUser,
} from "./userfront/index.js";
export { userfront, userfrontCatalogue } from "./userfront/index.js";
export type {
  VercelDeploymentPayload,
  VercelEvent,
  VercelEventData,
  VercelEvents,
  VercelOptions,
  VercelProjectPayload,
} from "./vercel/index.js";
export { vercel, vercelCatalogue } from "./vercel/index.js";
export type {
  WorkosAuthentication,
  WorkosDeletedDirectory,
  WorkosDirectory,
  WorkosDirectoryGroup,
  WorkosDirectoryGroupMembership,
  WorkosDirectoryGroupUpdated,
  WorkosDirectoryType,
  WorkosDirectoryUser,
  WorkosDirectoryUserUpdated,
  WorkosEmailVerification,
  WorkosEvent,
  WorkosEventData,
  WorkosEvents,
  WorkosImpersonator,
  WorkosInvitation,
  WorkosMagicAuth,
  WorkosOptions,
  WorkosOrganization,
  WorkosOrganizationDomain,
  WorkosOrganizationDomainVerificationFailed,
  WorkosOrganizationMembership,
  WorkosPasswordReset,
  WorkosRadarRiskDetected,
  WorkosRole,
  WorkosSession,
  WorkosUser,
} from "./workos/index.js";
export { workos, workosCatalogue, workosHmac } from "./workos/index.js";
export type {
  ZitadelBody,
  ZitadelEvent,
  ZitadelEventData,
  ZitadelEvents,
  ZitadelHumanAdded,
  ZitadelMember,
  ZitadelMemberRemoved,
  ZitadelOptions,
  ZitadelOrgName,
  ZitadelPayload,
} from "./zitadel/index.js";
export { zitadel, zitadelCatalogue, zitadelHmac } from "./zitadel/index.js";
export type {
  ZoomCreatedMeeting,
  ZoomEndedMeeting,
  ZoomEvent,
  ZoomEventData,
  ZoomEvents,
  ZoomMeeting,
  ZoomMeetingCreated,
  ZoomMeetingDeleted,
  ZoomMeetingEnded,
  ZoomMeetingParticipant,
  ZoomMeetingStarted,
  ZoomOptions,
  ZoomParticipant,
  ZoomParticipantMeeting,
  ZoomUser,
  ZoomUserChanges,
  ZoomUserCreated,
  ZoomUserDeactivated,
  ZoomUserUpdated,
} from "./zoom/index.js";
export { zoom, zoomCatalogue, zoomHmac } from "./zoom/index.js";
