/**
 * `hookproof sign`: the headers a provider would send, or a ready `curl` command.
 * @module
 */
import { signDelivery } from "../sign-request.js";
import { createOutput } from "./output.js";
import { loadPayload, type PayloadOptions, type VariantOptions, variantOf } from "./payload.js";
import { buildProvider, findProvider, type SecretOptions } from "./providers.js";
import { curlCommand } from "./shell.js";
import { signError } from "./sign-error.js";

export interface SignCommandOptions extends PayloadOptions, VariantOptions, SecretOptions {
  provider?: string;
  id?: string;
  timestamp?: number;
  curl?: string | boolean;
  json?: boolean;
  color?: boolean;
}

export const DEFAULT_URL = "http://localhost:3000/webhooks";

export async function signCommand(options: SignCommandOptions): Promise<number> {
  const out = createOutput(options);
  const entry = findProvider(options.provider);
  const provider = buildProvider(entry, options, "sign");
  const { payload, event } = loadPayload(entry, options);
  const url = typeof options.curl === "string" ? options.curl : DEFAULT_URL;
  const delivery = await signDelivery(provider, payload, {
    ...variantOf(options),
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
    ...(event === undefined ? {} : { headers: entry.eventHeaders?.(event) ?? {} }),
    url,
  }).catch(signError);
  const body = typeof delivery.body === "string" ? delivery.body : new TextDecoder().decode(delivery.body);
  const curl = options.curl === undefined || options.curl === false ? undefined : curlCommand(delivery, url);
  if (out.json) {
    out.result({ provider: entry.name, event, headers: delivery.headers, body, ...(curl ? { curl } : {}) });
  } else if (curl) {
    out.line(curl);
  } else {
    for (const [name, value] of Object.entries(delivery.headers))
      out.line(`${out.style("cyan", name)}: ${value}`);
  }
  return 0;
}
