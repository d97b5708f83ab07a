/**
 * @hookproof/core/providers: schemes, typed event catalogues and event-id rules for each provider.
 * @module
 */
export {};
