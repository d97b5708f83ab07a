/**
 * @hookproof/core/node: helpers for adapters over Node's `http` request objects.
 * @module
 */
export { readIncomingMessage } from "./read-incoming-message.js";
export { requestUrl } from "./request-url.js";
export { writeResult } from "./write-result.js";
