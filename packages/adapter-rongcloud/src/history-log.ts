import {
  type CallOptions,
  checkLogHour,
  type HistoryLog,
  hourKey,
  VendorRejectedError,
} from "@imgraph/core";
import { type Op, post, type RongCloudContext } from "./context.js";
import { regionUtcOffsetMinutes } from "./options.js";

// RongCloud's hourly message log (docs/vendors/rongcloud.md §3): a paid service, turned on
// by options.features.historyLog (implementation.ts). `date` names one clock hour as
// YYYYMMDDHH in the data centre's time zone: Beijing time for the China data centre (region
// cn, cn-legacy), UTC for the global ones (sg, sg-b, na, sa).

/** The hour's key in the data centre's time zone. */
const dateKey = (ctx: RongCloudContext, hour: Date) =>
  hourKey(hour, regionUtcOffsetMinutes(ctx.region));

/** 1009 here means the console service is off although the app's option says it is on. */
function serviceOff(err: unknown): unknown {
  if (!(err instanceof VendorRejectedError) || err.vendorCode !== "1009") return err;
  return new VendorRejectedError(
    "rongcloud",
    "1009",
    "RongCloud's history message log service is not enabled for this app key: enable it in RongCloud's console, or turn off features.historyLog",
    err.requestId ? { requestId: err.requestId } : {},
  );
}

async function logCall<T>(
  ctx: RongCloudContext,
  operation: string,
  path: string,
  date: string,
  options: CallOptions | undefined,
): Promise<T> {
  try {
    return await post<T>(ctx, operation, path, { date }, options, true);
  } catch (err) {
    throw serviceOff(err);
  }
}

export const getHistoryLog: Op<"getHistoryLog"> = async (ctx, input, options) => {
  const hour = checkLogHour(input?.hour);
  const answer = await logCall<{ url?: unknown }>(
    ctx,
    "getHistoryLog",
    "/message/history.json",
    dateKey(ctx, hour),
    options,
  );
  // "" when the hour has no file (still running, not yet made, expired or deleted).
  const url = typeof answer.url === "string" && answer.url !== "" ? answer.url : null;
  const files = url ? [{ url, conversationType: null, urlExpiresAt: null }] : [];
  return { hour, url, files } satisfies HistoryLog;
};

export const deleteHistoryLog: Op<"deleteHistoryLog"> = async (ctx, input, options) => {
  const hour = checkLogHour(input?.hour);
  await logCall(
    ctx,
    "deleteHistoryLog",
    "/message/history/delete.json",
    dateKey(ctx, hour),
    options,
  );
};
