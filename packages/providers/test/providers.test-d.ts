/**
 * Type tests, checked by `tsc -p packages/providers/tsconfig.json`: every provider's `.on()` narrows its event,
 * and an event type a provider does not send is a compile error (GitHub and Stripe, envelope-level for now,
 * take any type).
 */
import { createWebhooks } from "@hookproof/core";
import {
  type ClerkBillingPayer,
  type ClerkEvents,
  type ClerkPermission,
  clerk,
  type FerrisKeyRealm,
  ferriskey,
  type GenericEvents,
  type GitHubPayload,
  generic,
  github,
  type StackAuthEvents,
  type StackAuthTeam,
  type StripeEvent,
  stackAuth,
  stripe,
  tesseral,
  type UserfrontTenant,
  userfront,
} from "@hookproof/providers";
import type Stripe from "stripe";
import { expectTypeOf } from "vitest";

const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

createWebhooks({ provider: stackAuth({ secret }) })
  .on("user.created", (event, context) => {
    expectTypeOf(event.data.primary_email).toEqualTypeOf<string | null>();
    expectTypeOf(event.data.selected_team).toEqualTypeOf<StackAuthTeam | null | undefined>();
    expectTypeOf(event.type).toEqualTypeOf<"user.created">();
    expectTypeOf(context.type).toEqualTypeOf<"user.created">();
  })
  .on("team.created", (event) => {
    expectTypeOf(event.data.display_name).toEqualTypeOf<string>();
  })
  .on("user.deleted", (event) => {
    expectTypeOf(event.data.teams).toEqualTypeOf<{ id: string }[]>();
  })
  .on("stack.test", (event) => {
    expectTypeOf(event.data.endpointUrl).toEqualTypeOf<string>();
  })
  .onAny((event, context) => {
    expectTypeOf(context.type).toEqualTypeOf<keyof StackAuthEvents>();
    expectTypeOf(event).toEqualTypeOf<StackAuthEvents[keyof StackAuthEvents]>();
  })
  // @ts-expect-error: Stack Auth sends no such event
  .on("nonexistent", () => {});

createWebhooks({ provider: tesseral({ secret }) })
  .on("sync.organization", (event) => {
    expectTypeOf(event.organizationId).toEqualTypeOf<string>();
  })
  // @ts-expect-error: Tesseral's events are thin `sync.*` only
  .on("user.created", () => {});

createWebhooks({ provider: clerk({ secret }) })
  .on("organizationMembership.created", (event) => {
    expectTypeOf(event.data.organization.slug).toEqualTypeOf<string>();
    expectTypeOf(event.timestamp).toEqualTypeOf<number | undefined>();
  })
  .on("session.ended", (event) => {
    expectTypeOf(event.data.user_id).toEqualTypeOf<string>();
  })
  .on("role.created", (event) => {
    expectTypeOf(event.type).toEqualTypeOf<"role.created">();
    expectTypeOf(event.data.object).toEqualTypeOf<"role">();
    expectTypeOf(event.data.description).toEqualTypeOf<string | null>();
    expectTypeOf(event.data.permissions).toEqualTypeOf<ClerkPermission[] | undefined>();
  })
  .on("organizationInvitation.accepted", (event) => {
    expectTypeOf(event.data.status).toEqualTypeOf<"accepted">();
    expectTypeOf(event.data.user_id).toEqualTypeOf<string>();
  })
  .on("organizationDomain.deleted", (event) => {
    expectTypeOf(event.data.deleted).toEqualTypeOf<boolean>();
    expectTypeOf(event.data.id).toEqualTypeOf<string | undefined>();
  })
  .on("subscriptionItem.pastDue", (event) => {
    expectTypeOf(event.data.period_end).toEqualTypeOf<number | null>();
    expectTypeOf(event.data.payer).toEqualTypeOf<ClerkBillingPayer | undefined>();
  })
  // @ts-expect-error: Clerk spells it `subscription.pastDue`
  .on("subscription.past_due", () => {});
expectTypeOf<keyof ClerkEvents>().toEqualTypeOf<
  | "user.created"
  | "user.updated"
  | "user.deleted"
  | "session.created"
  | "session.ended"
  | "session.removed"
  | "session.revoked"
  | "organization.created"
  | "organization.updated"
  | "organization.deleted"
  | "organizationMembership.created"
  | "organizationMembership.updated"
  | "organizationMembership.deleted"
  | "email.created"
  | "sms.created"
  | "organizationDomain.created"
  | "organizationDomain.updated"
  | "organizationDomain.deleted"
  | "organizationInvitation.created"
  | "organizationInvitation.revoked"
  | "organizationInvitation.accepted"
  | "role.created"
  | "role.updated"
  | "role.deleted"
  | "permission.created"
  | "permission.updated"
  | "permission.deleted"
  | "waitlistEntry.created"
  | "waitlistEntry.updated"
  | "paymentAttempt.created"
  | "paymentAttempt.updated"
  | "subscription.created"
  | "subscription.updated"
  | "subscription.active"
  | "subscription.pastDue"
  | "subscriptionItem.created"
  | "subscriptionItem.updated"
  | "subscriptionItem.active"
  | "subscriptionItem.canceled"
  | "subscriptionItem.upcoming"
  | "subscriptionItem.ended"
  | "subscriptionItem.abandoned"
  | "subscriptionItem.incomplete"
  | "subscriptionItem.pastDue"
  | "subscriptionItem.freeTrialEnding"
>();

createWebhooks({ provider: userfront({ token: "key" }) })
  .on("tenant.update", (event) => {
    expectTypeOf(event.record).toEqualTypeOf<UserfrontTenant>();
    expectTypeOf(event.action).toEqualTypeOf<"update">();
    expectTypeOf(event.mode).toEqualTypeOf<"test" | "live" | (string & Record<never, never>)>();
  })
  // @ts-expect-error: Userfront's events are `${model}.${action}`, e.g. `user.create`
  .on("user.created", () => {});

createWebhooks({ provider: ferriskey({ secret: "c3843857" }) })
  .on("realm.created", (event) => {
    expectTypeOf(event.data).toEqualTypeOf<FerrisKeyRealm>();
  })
  .on("auth.reset_password", (event) => {
    expectTypeOf(event.data).toEqualTypeOf<null>();
  })
  .on("user.bulk_deleted", (event) => {
    expectTypeOf(event.data).toEqualTypeOf<string[]>();
  })
  .on("user.role.unassigned", (event) => {
    expectTypeOf(event.data).toEqualTypeOf<unknown>();
  });

createWebhooks({ provider: generic({ secret: "s" }) }).on("team.member.role_changed", (event) => {
  expectTypeOf(event.data.previous_role).toEqualTypeOf<string | undefined>();
  expectTypeOf(event.created_at).toEqualTypeOf<string>();
});
expectTypeOf<keyof GenericEvents>().toEqualTypeOf<
  | "user.created"
  | "user.updated"
  | "user.deleted"
  | "project.created"
  | "project.updated"
  | "project.deleted"
  | "team.member.added"
  | "team.member.removed"
  | "team.member.role_changed"
>();

createWebhooks({ provider: github({ secret }) })
  .on("push", (event, context) => {
    expectTypeOf(event.ref).toEqualTypeOf<string>();
    expectTypeOf(context.type).toEqualTypeOf<"push">();
  })
  .on("workflow_run.completed", (event) => {
    expectTypeOf(event.action).toEqualTypeOf<"completed">();
  })
  .on("pull_request.opened", (event) => {
    expectTypeOf(event.pull_request.number).toEqualTypeOf<number>();
    // @ts-expect-error: an opened pull request's payload has no `review`
    void event.review;
  })
  .on("some_future_event.happened", (event) => {
    expectTypeOf(event).toEqualTypeOf<GitHubPayload>();
  });

createWebhooks({ provider: stripe({ secret }) })
  .on("invoice.paid", (event) => {
    expectTypeOf(event.type).toEqualTypeOf<"invoice.paid">();
    expectTypeOf(event.data.object).toEqualTypeOf<Stripe.Invoice>();
  })
  .on("customer.created", (event) => {
    expectTypeOf(event).toEqualTypeOf<Stripe.CustomerCreatedEvent>();
    expectTypeOf(event.id).toEqualTypeOf<string>();
  })
  .on("some.future_event", (event) => {
    expectTypeOf(event).toEqualTypeOf<StripeEvent<string>>();
  });
