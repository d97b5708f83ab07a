/**
 * A self-signed certificate and its key, made for these tests only (`openssl req -x509 -newkey rsa:2048
 * -nodes -days 36500 -subj "/CN=sns.us-east-1.amazonaws.com"`): what a test serves as an SNS signing
 * certificate. Not a secret of anyone's; never trusted outside a test's own injected `fetch`. The PEM text
 * lives in the `.pem` files beside this one, which the benchmarks (bench/lib/fetched-keys.mjs) read too.
 * @module
 */
import { readFileSync } from "node:fs";

const pem = (name: string): string => readFileSync(new URL(`./${name}.pem`, import.meta.url), "utf8");

export const SNS_TEST_KEY: string = pem("sns-test-key");

export const SNS_TEST_CERTIFICATE: string = pem("sns-test-certificate");

/** The same, with a 1024-bit key: refused as too weak. */
export const SNS_WEAK_KEY: string = pem("sns-weak-key");

export const SNS_WEAK_CERTIFICATE: string = pem("sns-weak-certificate");
