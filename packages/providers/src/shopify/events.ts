/**
 * Shopify's event catalogue. A delivery has no envelope: the body is the resource the topic is about (an order,
 * a product, the shop) in the subscription's API version, and the topic travels in `X-Shopify-Topic`. The
 * resources are typed at their identity and time, and a few fields handlers read first; the rest pass through.
 *
 * Sources: shopify.dev REST Admin API 2025-10 "Order", "Product", "Customer" and "Shop" resources (`id`,
 * `admin_graphql_api_id`, `created_at`, `updated_at`), "Privacy law compliance" (the three mandatory compliance
 * topics, field by field), and the webhook topic reference (`orders/create` …).
 * @module
 */
import type { EventCatalogue } from "@hookproof/core";
import * as v from "valibot";
import { catalogue } from "../kit/catalogue.js";
import { jsonObject, openString, shape } from "../kit/shape.js";

/** What a resource a topic sends carries: its ids and times. */
export interface ShopifyResource {
  /** The resource's id: the same for every topic about it (`orders/create`, `orders/paid`), so never an event id. */
  id: number;
  /** The resource's GraphQL id: `gid://shopify/Order/5952311869659`. */
  admin_graphql_api_id: string;
  /** ISO 8601 with the shop's offset: `2026-08-20T10:01:10-04:00`. */
  created_at?: string | null;
  updated_at?: string | null;
}

/** An order (`orders/create`, `orders/paid`, …). */
export interface ShopifyOrder extends ShopifyResource {
  /** `#1001`. */
  name?: string;
  email?: string | null;
  /** ISO 4217 code of the shop's currency. */
  currency?: string;
  /** A decimal string: `"199.65"`. */
  total_price?: string;
  financial_status?:
    | "pending"
    | "authorized"
    | "partially_paid"
    | "paid"
    | "partially_refunded"
    | "refunded"
    | "voided"
    | (string & Record<never, never>)
    | null;
  line_items?: Record<string, unknown>[];
  customer?: Record<string, unknown> | null;
}

/** A product (`products/create`, `products/update`). */
export interface ShopifyProduct extends ShopifyResource {
  title?: string;
  handle?: string;
  status?: "active" | "archived" | "draft" | (string & Record<never, never>);
  variants?: Record<string, unknown>[];
}

/** A customer (`customers/create`, `customers/update`). */
export interface ShopifyCustomer extends ShopifyResource {
  email?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  phone?: string | null;
}

/** The shop (`app/uninstalled`, `shop/update`). */
export interface ShopifyShop {
  id: number;
  name: string;
  /** `shop.myshopify.com`: the shop's permanent domain. */
  myshopify_domain: string;
  domain?: string | null;
  email?: string | null;
}

/** The customer a compliance request is about. */
export interface ShopifyComplianceCustomer {
  id: number;
  email?: string | null;
  phone?: string | null;
}

/** `customers/data_request`: a customer asked the shop for their data. */
export interface ShopifyCustomersDataRequest {
  shop_id: number;
  shop_domain: string;
  /** The customer's orders whose data to send. */
  orders_requested: number[];
  customer: ShopifyComplianceCustomer;
  data_request: { id: number };
}

/** `customers/redact`: erase a customer's data. */
export interface ShopifyCustomersRedact {
  shop_id: number;
  shop_domain: string;
  customer: ShopifyComplianceCustomer;
  orders_to_redact: number[];
}

/** `shop/redact`: 48 hours after a shop uninstalled the app, erase its data. */
export interface ShopifyShopRedact {
  shop_id: number;
  shop_domain: string;
}

/** The Shopify topics listed, each with its body. */
export type ShopifyEventData = {
  "orders/create": ShopifyOrder;
  "orders/paid": ShopifyOrder;
  "products/update": ShopifyProduct;
  "customers/create": ShopifyCustomer;
  "app/uninstalled": ShopifyShop;
  "customers/data_request": ShopifyCustomersDataRequest;
  "customers/redact": ShopifyCustomersRedact;
  "shop/redact": ShopifyShopRedact;
};

/** Shopify's events: the listed topics, and any other topic with an untyped body. */
export type ShopifyEvents = { [Topic in keyof ShopifyEventData]: ShopifyEventData[Topic] } & {
  [topic: string]: Record<string, unknown>;
};

const resource = {
  id: v.number(),
  admin_graphql_api_id: v.string(),
  created_at: v.nullish(v.string()),
  updated_at: v.nullish(v.string()),
};

const order = shape<ShopifyOrder>({
  ...resource,
  name: v.optional(v.string()),
  email: v.nullish(v.string()),
  currency: v.optional(v.string()),
  total_price: v.optional(v.string()),
  financial_status: v.nullish(
    openString<
      "pending" | "authorized" | "partially_paid" | "paid" | "partially_refunded" | "refunded" | "voided"
    >(),
  ),
  line_items: v.optional(v.array(jsonObject)),
  customer: v.nullish(jsonObject),
});

const product = shape<ShopifyProduct>({
  ...resource,
  title: v.optional(v.string()),
  handle: v.optional(v.string()),
  status: v.optional(openString<"active" | "archived" | "draft">()),
  variants: v.optional(v.array(jsonObject)),
});

const customer = shape<ShopifyCustomer>({
  ...resource,
  email: v.nullish(v.string()),
  first_name: v.nullish(v.string()),
  last_name: v.nullish(v.string()),
  phone: v.nullish(v.string()),
});

const shop = shape<ShopifyShop>({
  id: v.number(),
  name: v.string(),
  myshopify_domain: v.string(),
  domain: v.nullish(v.string()),
  email: v.nullish(v.string()),
});

const complianceCustomer = shape<ShopifyComplianceCustomer>({
  id: v.number(),
  email: v.nullish(v.string()),
  phone: v.nullish(v.string()),
});

/** The body is the payload: Shopify names the topic in a header, not around the resource. */
function shopifyEvent<Data>(
  _topic: string,
  body: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, Data> {
  return body;
}

/**
 * The runtime schemas of the listed Shopify topics (Standard Schema v1).
 *
 * @example
 * const result = await shopifyCatalogue["orders/create"]["~standard"].validate(body);
 */
export const shopifyCatalogue: EventCatalogue<ShopifyEvents> = catalogue<ShopifyEvents, ShopifyEventData>(
  shopifyEvent,
  {
    "orders/create": order,
    "orders/paid": order,
    "products/update": product,
    "customers/create": customer,
    "app/uninstalled": shop,
    "customers/data_request": shape<ShopifyCustomersDataRequest>({
      shop_id: v.number(),
      shop_domain: v.string(),
      orders_requested: v.array(v.number()),
      customer: complianceCustomer,
      data_request: shape<{ id: number }>({ id: v.number() }),
    }),
    "customers/redact": shape<ShopifyCustomersRedact>({
      shop_id: v.number(),
      shop_domain: v.string(),
      customer: complianceCustomer,
      orders_to_redact: v.array(v.number()),
    }),
    "shop/redact": shape<ShopifyShopRedact>({ shop_id: v.number(), shop_domain: v.string() }),
  },
);
