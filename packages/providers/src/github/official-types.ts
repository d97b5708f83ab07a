/**
 * GitHub's own webhook payload types, from `@octokit/openapi-webhooks-types` when the app has it installed (an
 * optional peer dependency, types only). Without it, `OctokitWebhooks` is `any` and {@link GitHubEvents} falls
 * back to the envelope types of events.ts.
 *
 * The routed type is `X-GitHub-Event` and the body's `action`, `pull_request.opened`; the package keys each payload
 * `pull-request-opened`, with the action a literal in its body. So each key becomes the routed type by dropping the
 * kebab-cased action from its end and writing the event with underscores: `pull-request-opened` (`action:
 * "opened"`) → `pull_request.opened`; a payload without `action` (`push`) is its event alone. Source:
 * `@octokit/openapi-webhooks-types` 12.2.0 `types.d.ts` (`webhooks`: each key's `post.requestBody.content`).
 * @module
 */
// biome-ignore lint/suspicious/noTsIgnore: the import must pass both with and without the optional peer installed.
// @ts-ignore: an optional peer dependency; without it this import is `any`, which the types below detect.
import type { webhooks as OctokitWebhooks } from "@octokit/openapi-webhooks-types";
import type { GitHubEventData, GitHubPayload } from "./events.js";

/** `true` when `T` is `any`: the optional peer is not installed. */
type IsAny<T> = 0 extends 1 & T ? true : false;

/** `pull_request` → `pull-request`. */
type Kebab<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}-${Kebab<Tail>}` : S;
/** `pull-request` → `pull_request`. */
type Snake<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}_${Snake<Tail>}` : S;

/** The JSON body of one key of the package's `webhooks`. */
type Body<Key extends keyof OctokitWebhooks> = OctokitWebhooks[Key] extends {
  post: { requestBody?: { content: { "application/json": infer Payload } } };
}
  ? Payload
  : never;

/** The routed type of a key, from its body's `action` literal: `pull-request-opened` → `pull_request.opened`. */
type Routed<Key extends string, Payload> = Payload extends { action: infer Action extends string }
  ? Key extends `${infer Event}-${Kebab<Action>}`
    ? `${Snake<Event>}.${Action}`
    : never
  : Snake<Key>;

/** Every payload of the package, by routed type. */
type Official = {
  [Key in keyof OctokitWebhooks & string as Routed<Key, Body<Key>>]: Body<Key>;
};

/**
 * GitHub's events: routed type → payload. With `@octokit/openapi-webhooks-types` installed, every event GitHub's
 * OpenAPI description lists (`pull_request.opened` is `WebhookPullRequestOpened`); without it, the envelope types.
 * Any other type has the envelope either way. At run time only the envelope is validated.
 */
export type GitHubEvents = (IsAny<OctokitWebhooks> extends true
  ? { [Type in keyof GitHubEventData]: GitHubEventData[Type] }
  : Official) & { [type: string]: GitHubPayload };
