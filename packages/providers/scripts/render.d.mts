import type { ProviderInfo } from "../src/kit/about.js";

export function providerFolders(srcDir: string): string[];
export type ExportsMap = Record<string, string | Record<string, Record<string, string>>>;
export function exportsMap(folders: readonly string[]): ExportsMap;
export function providersTable(abouts: readonly ProviderInfo[], base: string): string;
export function withTable(text: string, table: string, file: string): string;
