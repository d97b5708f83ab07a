/**
 * One request for every way createVerifier and the schemes reject one, with the code, status and
 * header expected, and every form of secret, token and expected signature that must never leak.
 * @module
 */

import { hmacFamilyCases } from "./hmac-family.js";
import type { RejectionCase } from "./kit.js";
import { hmacCases, tokenAndEd25519Cases } from "./other-schemes.js";
import { standardWebhooksCases } from "./standard-webhooks.js";

export type { RejectionCase } from "./kit.js";

export async function rejectionCases(): Promise<RejectionCase[]> {
  return [
    ...(await standardWebhooksCases()),
    ...(await hmacCases()),
    ...(await tokenAndEd25519Cases()),
    ...(await hmacFamilyCases()),
  ];
}
