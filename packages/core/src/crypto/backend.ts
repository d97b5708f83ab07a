/**
 * The crypto backend the schemes import. This file picks `node:crypto`; the package's `default`
 * export condition (Edge, Workers, browsers) is built with `web.ts` in its place.
 * @module
 */
export { backend, ecdsa } from "./node.js";
