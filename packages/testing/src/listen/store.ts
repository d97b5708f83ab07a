/**
 * The deliveries on disk: one JSON file each under `<dir>/deliveries/`, written whole and renamed into place
 * so a crash never leaves half a record, read back at start so the history survives restarts.
 * @module
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DeliveryRecord } from "./record.js";

/** The deliveries of a project, oldest first. */
export interface DeliveryStore {
  /** Where the files are. */
  readonly folder: string;
  list(): readonly DeliveryRecord[];
  get(seq: number): DeliveryRecord | undefined;
  /** Stores a new delivery under the next number and returns it. */
  add(record: Omit<DeliveryRecord, "seq">): DeliveryRecord;
  /** Rewrites a stored delivery (the app's answer arrived). */
  update(record: DeliveryRecord): void;
}

const FILE = /^(\d+)\.json$/;

function fileName(seq: number): string {
  return `${String(seq).padStart(6, "0")}.json`;
}

/**
 * Opens (or creates) the store in `<dir>/deliveries/`, keeping the newest `keep` deliveries. `dir` also gets a
 * `.gitignore` of `*`: captured requests hold real payloads and must not be committed by accident.
 *
 * @example
 * const store = openStore(".hookproof", { keep: 500 });
 */
export function openStore(
  dir: string,
  options: { keep: number; warn: (text: string) => void },
): DeliveryStore {
  const folder = join(dir, "deliveries");
  mkdirSync(folder, { recursive: true });
  const ignore = join(dir, ".gitignore");
  if (!existsSync(ignore)) writeFileSync(ignore, "# Captured webhook deliveries: never commit them.\n*\n");

  const records: DeliveryRecord[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (!FILE.test(name)) continue;
    try {
      records.push(JSON.parse(readFileSync(join(folder, name), "utf8")) as DeliveryRecord);
    } catch (error) {
      options.warn(`skipping ${join(folder, name)}: ${(error as Error).message}`);
    }
  }
  records.sort((a, b) => a.seq - b.seq);
  let next = (records.at(-1)?.seq ?? 0) + 1;

  const write = (record: DeliveryRecord) => {
    const path = join(folder, fileName(record.seq));
    writeFileSync(`${path}.tmp`, `${JSON.stringify(record)}\n`);
    renameSync(`${path}.tmp`, path);
  };

  return {
    folder,
    list: () => records,
    get: (seq) => records.find((record) => record.seq === seq),
    add(fields) {
      const record: DeliveryRecord = { seq: next++, ...fields };
      write(record);
      records.push(record);
      while (records.length > options.keep) {
        const oldest = records.shift() as DeliveryRecord;
        rmSync(join(folder, fileName(oldest.seq)), { force: true });
      }
      return record;
    },
    update(record) {
      if (records.includes(record)) write(record);
    },
  };
}
