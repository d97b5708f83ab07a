/**
 * Supabase Auth's hook catalogue: the one list of its HTTP hooks, each with the input it sends. Each schema
 * is checked against its interface in types.ts by `shape<T>()`.
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, shape } from "../kit/shape.js";
import type {
  SupabaseAccessTokenClaims,
  SupabaseAmrEntry,
  SupabaseCustomizeAccessToken,
  SupabaseEmailData,
  SupabaseFactor,
  SupabaseHookMetadata,
  SupabaseIdentity,
  SupabaseMfaVerification,
  SupabasePasswordVerification,
  SupabaseSendEmail,
  SupabaseSendSms,
  SupabaseSms,
  SupabaseUser,
  SupabaseUserCreated,
} from "./types.js";

/** Every hook's body: its input, and `metadata` (`null` or missing from servers before 2026-02). */
export type SupabaseHook<Name extends string, Input> = {
  metadata?: SupabaseHookMetadata<Name> | null;
} & Input;

/** Supabase Auth's hooks, by `metadata.name`, and the input each sends. */
export type SupabaseEventData = {
  "send-email": SupabaseSendEmail;
  "send-sms": SupabaseSendSms;
  "customize-access-token": SupabaseCustomizeAccessToken;
  "mfa-verification": SupabaseMfaVerification;
  "password-verification": SupabasePasswordVerification;
  "before-user-created": SupabaseUserCreated;
  "after-user-created": SupabaseUserCreated;
};

/** Supabase Auth's hooks: hook name → body. */
export type SupabaseEvents = {
  [Name in keyof SupabaseEventData & string]: SupabaseHook<Name, SupabaseEventData[Name]>;
};

const string = v.string();
const maybeString = v.optional(string);
const metadataObject = v.nullable(jsonObject);

/** The input's fields, and `metadata` naming this hook when it names one. */
function supabaseHook(
  name: string,
  inner: v.GenericSchema<unknown, unknown>,
): v.GenericSchema<unknown, unknown> {
  return v.looseObject({
    ...(inner as unknown as v.LooseObjectSchema<v.ObjectEntries, undefined>).entries,
    metadata: v.nullish(
      shape<SupabaseHookMetadata<string>>({
        uuid: string,
        time: string,
        name: v.optional(v.literal(name)),
        ip_address: maybeString,
      }),
    ),
  });
}

const identity = shape<SupabaseIdentity>({
  identity_id: string,
  id: string,
  user_id: string,
  identity_data: v.optional(jsonObject),
  provider: string,
  last_sign_in_at: maybeString,
  created_at: string,
  updated_at: string,
  email: maybeString,
});

const factor = shape<SupabaseFactor>({
  id: string,
  created_at: maybeString,
  updated_at: maybeString,
  status: string,
  friendly_name: maybeString,
  factor_type: string,
  phone: maybeString,
  last_challenged_at: v.nullish(string),
});

const user = shape<SupabaseUser>({
  id: string,
  aud: string,
  role: string,
  email: string,
  phone: string,
  email_confirmed_at: maybeString,
  invited_at: maybeString,
  phone_confirmed_at: maybeString,
  confirmation_sent_at: maybeString,
  confirmed_at: maybeString,
  recovery_sent_at: maybeString,
  new_email: maybeString,
  email_change_sent_at: maybeString,
  new_phone: maybeString,
  phone_change_sent_at: maybeString,
  reauthentication_sent_at: maybeString,
  last_sign_in_at: maybeString,
  app_metadata: metadataObject,
  user_metadata: metadataObject,
  factors: v.optional(v.array(factor)),
  identities: v.nullable(v.array(identity)),
  banned_until: maybeString,
  created_at: string,
  updated_at: string,
  deleted_at: maybeString,
  is_anonymous: v.boolean(),
});

const emailData = shape<SupabaseEmailData>({
  token: string,
  token_hash: string,
  redirect_to: string,
  email_action_type: string,
  site_url: string,
  token_new: string,
  token_hash_new: string,
  old_email: maybeString,
  old_phone: maybeString,
  provider: maybeString,
  factor_type: maybeString,
});

const sms = shape<SupabaseSms>({ otp: maybeString, sms_type: maybeString, phone: maybeString });
const amr = shape<SupabaseAmrEntry>({ method: string, timestamp: v.number(), provider: maybeString });

const claims = shape<SupabaseAccessTokenClaims>({
  iss: maybeString,
  sub: maybeString,
  aud: v.optional(v.union([string, v.array(string)])),
  exp: v.optional(v.number()),
  nbf: v.optional(v.number()),
  iat: v.optional(v.number()),
  jti: maybeString,
  email: string,
  phone: string,
  app_metadata: metadataObject,
  user_metadata: metadataObject,
  role: string,
  aal: maybeString,
  amr: v.optional(v.array(amr)),
  session_id: maybeString,
  is_anonymous: v.boolean(),
  client_id: maybeString,
  scope: maybeString,
});

const userCreated = shape<SupabaseUserCreated>({ user });

/**
 * The runtime schemas of Supabase Auth's hooks (Standard Schema v1).
 *
 * @example
 * const result = await supabaseCatalogue["send-email"]["~standard"].validate(body);
 */
export const supabaseCatalogue: EventCatalogue<SupabaseEvents> = catalogue<SupabaseEvents, SupabaseEventData>(
  supabaseHook,
  {
    "send-email": shape<SupabaseSendEmail>({ user, email_data: emailData }),
    "send-sms": shape<SupabaseSendSms>({ user: v.optional(user), sms }),
    "customize-access-token": shape<SupabaseCustomizeAccessToken>({
      user_id: string,
      claims,
      authentication_method: string,
    }),
    "mfa-verification": shape<SupabaseMfaVerification>({
      user_id: string,
      factor_id: string,
      factor_type: string,
      valid: v.boolean(),
    }),
    "password-verification": shape<SupabasePasswordVerification>({ user_id: string, valid: v.boolean() }),
    "before-user-created": userCreated,
    "after-user-created": userCreated,
  },
);
