/**
 * The before-send callbacks, C2C.CallbackBeforeSendMsg and Group.CallbackBeforeSendMsg
 * (intl 1047/34364, 1047/34374): Tencent POSTs the message to the app's callback URL,
 * signed like every callback, waits up to 2 s and acts on the answer —
 *   ErrorCode 0: deliver (a returned MsgBody / CloudCustomData replaces the message's);
 *   ErrorCode 1: refuse, the sender gets 20006 (one-to-one) or 10016 (group);
 *   ErrorCode 2: drop silently, the sender is told it was sent;
 *   120001–130000 (one-to-one) / 10100–10200 (group): refuse with that code and ErrorInfo.
 * A timeout is handled "as if the callback was not configured" (1047/34354): delivered.
 * Non-200 answers and unparsable bodies are listed as callback failures there; we deliver
 * on them too (unverified). Another non-zero ErrorCode is taken as a refusal (unverified).
 */
import { callbackBody, callbackQuery } from "./callbacks.js";
import { TimError } from "./errors.js";
import { isObject, type Json } from "./fields.js";
import type { AppState } from "./state.js";

export type BeforeSendKind = "c2c" | "group";

/** What Tencent does with the message after asking. */
export type BeforeSendVerdict =
  | { action: "deliver"; body?: Json[]; cloudCustomData?: string }
  | { action: "drop" };

const COMMAND: Record<BeforeSendKind, string> = {
  c2c: "C2C.CallbackBeforeSendMsg",
  group: "Group.CallbackBeforeSendMsg",
};
/** The plain refusal's code, and the range whose code (and ErrorInfo) reach the sender. */
const REFUSAL: Record<BeforeSendKind, { code: number; custom: [number, number] }> = {
  c2c: { code: 20006, custom: [120_001, 130_000] },
  group: { code: 10016, custom: [10_100, 10_200] },
};

/** Tencent's fixed timeout for message before-callbacks. */
export const BEFORE_SEND_TIMEOUT_MS = 2_000;

export interface BeforeSendOptions {
  /** Wait for the answer this long (default 2 s, Tencent's; tests shorten it). */
  timeoutMs: number;
  now: number;
}

/** The request's ForbidCallbackControl skips the callback (sendmsg, send_group_msg). */
export function beforeSendForbidden(raw: Json): boolean {
  const forbid = raw.ForbidCallbackControl;
  return Array.isArray(forbid) && forbid.includes("ForbidBeforeSendMsgCallback");
}

/**
 * Ask the app's server about one message; throws the sender's TimError on a refusal.
 * No callback URL, or the console switch off: delivered as is.
 */
export async function askBeforeSend(
  app: AppState,
  kind: BeforeSendKind,
  body: Json,
  options: BeforeSendOptions,
): Promise<BeforeSendVerdict> {
  const { callbackUrl } = app.config;
  if (!callbackUrl || !app.config.beforeSendCallbacks) return { action: "deliver" };
  const command = COMMAND[kind];
  const url = new URL(callbackUrl);
  for (const [k, v] of Object.entries(callbackQuery(app, command, "RESTAPI", options.now))) {
    url.searchParams.set(k, v);
  }
  const answer = await post(url, callbackBody(command, body, options.now), options.timeoutMs);
  return answer ? verdict(kind, answer) : { action: "deliver" };
}

/** The answer's JSON, or null when none came in time, or not 200, or not JSON. */
async function post(url: URL, body: string, timeoutMs: number): Promise<Json | null> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (res.status !== 200) return null;
    const json: unknown = JSON.parse(text);
    return isObject(json) ? json : null;
  } catch {
    return null;
  }
}

function verdict(kind: BeforeSendKind, answer: Json): BeforeSendVerdict {
  const code = answer.ErrorCode;
  // No numeric ErrorCode: a body Tencent cannot read, as a failed callback.
  if (typeof code !== "number" || !Number.isInteger(code)) return { action: "deliver" };
  if (code === 0) {
    const out: BeforeSendVerdict = { action: "deliver" };
    if (
      Array.isArray(answer.MsgBody) &&
      answer.MsgBody.length > 0 &&
      answer.MsgBody.every(isObject)
    )
      out.body = answer.MsgBody as Json[];
    if (typeof answer.CloudCustomData === "string") out.cloudCustomData = answer.CloudCustomData;
    return out;
  }
  if (code === 2) return { action: "drop" };
  const { code: plain, custom } = REFUSAL[kind];
  const info = typeof answer.ErrorInfo === "string" ? answer.ErrorInfo : "";
  if (code >= custom[0] && code <= custom[1]) throw new TimError(code, info);
  throw new TimError(plain, "the app's server refused the message in its before-send callback");
}
