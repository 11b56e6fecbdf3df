import {
  type CallOptions,
  checkLogHour,
  type HistoryLogFile,
  hourKey,
  ImError,
  parseWallClock,
} from "@imgraph/core";
import { call, type Op, str, type TencentContext } from "./context.js";

// The hourly message log (docs/vendors/tencent.md "Message log"): open_msg_svc/get_history,
// one call per kind of conversation (ChatType C2C or Group) for one hour named YYYYMMDDHH in
// Beijing time, the last 7 days, 10 calls/s. Each answers File[]: an hour may be several
// gzip files. No edition or switch is named; files delete themselves after 7 days.

const BEIJING_MINUTES = 8 * 60;
const KINDS = [
  ["C2C", "USER"],
  ["Group", "GROUP"],
] as const;
/** 1004: not made yet, or no message in the hour; 1005: expired. Both: no file. */
const NO_FILE = new Set(["1004", "1005"]);

/** The hour as get_history names it: YYYYMMDDHH, Beijing time. */
const msgTime = (hour: Date) => hourKey(hour, BEIJING_MINUTES);

/** ExpireTime "YYYY-MM-DD hh:mm:ss", Beijing time (the page names no zone: inferred). */
const expiry = (value: unknown) => parseWallClock(value, BEIJING_MINUTES);

async function filesOf(
  ctx: TencentContext,
  [chatType, conversationType]: (typeof KINDS)[number],
  hour: string,
  options: CallOptions | undefined,
): Promise<HistoryLogFile[]> {
  try {
    const answer = await call<{ File?: unknown }>(
      ctx,
      "getHistoryLog",
      "open_msg_svc/get_history",
      { ChatType: chatType, MsgTime: hour },
      options,
      true,
    );
    const files = Array.isArray(answer.File) ? (answer.File as Record<string, unknown>[]) : [];
    return files.flatMap((file) => {
      const url = str(file?.URL);
      return url ? [{ url, conversationType, urlExpiresAt: expiry(file.ExpireTime) }] : [];
    });
  } catch (err) {
    if (err instanceof ImError && err.vendorCode && NO_FILE.has(err.vendorCode)) return [];
    throw err;
  }
}

/** One-to-one files first, then group ones; `url` stays null (the log is split by kind). */
export const getHistoryLog: Op<"getHistoryLog"> = async (ctx, input, options) => {
  const hour = checkLogHour(input?.hour);
  const key = msgTime(hour);
  const parts = await Promise.all(KINDS.map((kind) => filesOf(ctx, kind, key, options)));
  return { hour, url: null, files: parts.flat() };
};
