/**
 * The request bodies and outcome helpers the core's scheme tests use, shared with the providers' cross-checks
 * so a sender's SDK is checked on the same awkward bodies (empty, multi-byte, not UTF-8, 1 MiB).
 * @module
 */
export { at, INVALID_UTF8, outcome, rejection, TEXT_BODIES, utf8 } from "../../core/test/helpers.js";
