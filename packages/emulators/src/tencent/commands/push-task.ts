/** What every push command shares: the OfflinePushInfo read, the task recorded, the 90045 gate. */
import { randomBytes } from "node:crypto";
import { TimError } from "../errors.js";
import type { Fields } from "../fields.js";
import type { AppState, PushTask } from "../state.js";

/** The app has push on (console / Push service); 90045 otherwise (error table 1047/74196). */
export function requirePush(app: AppState): void {
  if (!app.config.push) {
    throw new TimError(90045, "all-member / tag / single push is not enabled for this app");
  }
}

export interface OfflinePush {
  title?: string;
  desc?: string;
  ext?: string;
}

/** OfflinePushInfo {PushFlag?, Title?, Desc?, Ext?, AndroidInfo?, ApnsInfo?}; undefined if absent. */
export function offlinePush(f: Fields): OfflinePush | undefined {
  const info = f.obj("OfflinePushInfo");
  if (!info) return undefined;
  const flag = info.PushFlag;
  if (flag !== undefined && flag !== 0 && flag !== 1) f.fail("OfflinePushInfo.PushFlag is 0 or 1");
  const out: OfflinePush = {};
  for (const [key, field] of [
    ["Title", "title"],
    ["Desc", "desc"],
    ["Ext", "ext"],
  ] as const) {
    const v = info[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== "string") f.fail(`OfflinePushInfo.${key} must be a string`);
    out[field] = v;
  }
  return out;
}

/** A new task, recorded with the recipients resolved now and how many were online. */
export function recordPush(
  app: AppState,
  task: Omit<PushTask, "taskId" | "online">,
  taskId: string,
): PushTask {
  const online = task.recipients.filter((id) => (app.accounts.get(id)?.sessions.size ?? 0) > 0);
  const recorded: PushTask = { taskId, ...task, online: online.length };
  app.pushes.push(recorded);
  return recorded;
}

/** A TaskId like the all-member push's (opaque; 32 hex digits here). */
export const pushTaskId = (): string => randomBytes(16).toString("hex");

/** A TaskId shaped like the batch page's example: batch_<unix time, hex>_<random>. */
export const batchTaskId = (now: number): string =>
  `batch_${now.toString(16)}_${randomBytes(12).toString("hex")}`;
