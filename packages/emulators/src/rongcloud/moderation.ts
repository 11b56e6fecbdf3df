/**
 * What RongCloud does to a message before delivery (#18): the sensitive-word filter (text
 * messages only: a blocking word keeps the message from its recipients, a replacing word
 * is replaced), then the message callback service (消息回调服务): one signed form POST to
 * the app server, one attempt, and whatever comes back late, unreadable or not at all
 * delivers the message as sent. Server API sends pass through both only when the console
 * switch is on (`moderateServerMessages`).
 */
import { signRongCloudCallback } from "@imgraph/signing";
import type { ResolvedAppConfig } from "./options.js";
import type { RouteContext } from "./route.js";
import type { AppState, ConversationType, PreSendRecord, SensitiveWordEntry } from "./state.js";

/** The message in question, with the uid it will carry when delivered. */
export interface Outgoing {
  uid: string;
  fromUserId: string;
  targetId: string;
  conversationType: ConversationType;
  objectName: string;
  content: string;
}

export type Verdict =
  | { deliver: true; content: string; sensitiveType: 0 | 2 }
  | { deliver: false; by: "sensitive-word" | "message-callback"; extra?: string };

/** Routing's `channelType` strings, which the message callback uses too (v4 doc). */
const CHANNEL: Partial<Record<ConversationType, string>> = {
  1: "PERSON",
  3: "GROUP",
  4: "TEMPGROUP",
};

/** Moderates one Server API send (a no-op unless the console switch is on). */
export async function moderate(ctx: RouteContext, msg: Outgoing): Promise<Verdict> {
  const { app } = ctx;
  if (!app.config.moderateServerMessages || CHANNEL[msg.conversationType] === undefined)
    return { deliver: true, content: msg.content, sensitiveType: 0 };
  const filtered = filterWords(app, ctx.now, msg);
  if (!filtered.deliver) return keep(ctx, msg, filtered);
  const asked = await askAppServer(ctx, { ...msg, content: filtered.content });
  if (!asked.deliver) return keep(ctx, msg, asked);
  return { ...asked, sensitiveType: filtered.sensitiveType };
}

function keep(ctx: RouteContext, msg: Outgoing, verdict: Verdict & { deliver: false }): Verdict {
  ctx.app.moderated.push({
    ...msg,
    at: ctx.now,
    by: verdict.by,
    ...(verdict.extra !== undefined ? { extra: verdict.extra } : {}),
  });
  return verdict;
}

/** The words in force now: added ones once active, removed ones until removal applies. */
function wordsInForce(app: AppState, now: number): SensitiveWordEntry[] {
  for (const [w, e] of app.removedSensitiveWords)
    if (e.until <= now) app.removedSensitiveWords.delete(w);
  return [...app.sensitiveWords.values(), ...app.removedSensitiveWords.values()].filter(
    (w) => w.activeAt <= now,
  );
}

/**
 * Only RC:TxtMsg's `content` text is filtered (#18 §2). Matching ignores letter case
 * (unverified: the tolerant choice for a filter).
 */
function filterWords(app: AppState, now: number, msg: Outgoing): Verdict {
  const pass: Verdict = { deliver: true, content: msg.content, sensitiveType: 0 };
  if (msg.objectName !== "RC:TxtMsg") return pass;
  const words = wordsInForce(app, now);
  if (words.length === 0) return pass;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(msg.content) as Record<string, unknown>;
  } catch {
    return pass;
  }
  if (typeof body.content !== "string") return pass;
  let text = body.content;
  const lower = text.toLowerCase();
  if (words.some((w) => w.replaceWord === "" && lower.includes(w.word.toLowerCase())))
    return { deliver: false, by: "sensitive-word" };
  let replaced = false;
  for (const w of words) {
    const re = new RegExp(w.word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
    if (re.test(text)) {
      replaced = true;
      text = text.replace(re, w.replaceWord);
    }
  }
  if (!replaced) return pass;
  return { deliver: true, content: JSON.stringify({ ...body, content: text }), sensitiveType: 2 };
}

/**
 * The message callback (#18 §1): form-encoded like the 2021 doc's table, signed in the
 * query string like every callback but without `appKey` (shared §3.1). The answer is JSON:
 * `pass` 0 keeps the message (its `extra` goes to the sender's client), 1 (or 2, as
 * Nexconn documents) delivers, with `replaceContent` in place of the content when given.
 */
async function askAppServer(ctx: RouteContext, msg: Outgoing): Promise<Verdict> {
  const { app } = ctx;
  const url = app.config.callbackUrls.preSend;
  const asSent: Verdict = { deliver: true, content: msg.content, sensitiveType: 0 };
  if (!url) return asSent;
  const record = (outcome: PreSendRecord["outcome"], pass?: number) =>
    app.preSendLog.push({
      uid: msg.uid,
      at: ctx.now,
      outcome,
      ...(pass !== undefined ? { pass } : {}),
    });
  let answer: { status: number; text: string };
  try {
    answer = await post(url, app.config, ctx, msg);
  } catch (err) {
    const name = (err as Error).name;
    record(name === "TimeoutError" || name === "AbortError" ? "timeout" : "http-error");
    return asSent;
  }
  if (answer.status !== 200) {
    record("http-error");
    return asSent;
  }
  const parsed = readAnswer(answer.text);
  if (!parsed) {
    record("unreadable");
    return asSent;
  }
  record("answered", parsed.pass);
  if (parsed.pass === 0)
    return {
      deliver: false,
      by: "message-callback",
      ...(parsed.extra !== undefined ? { extra: parsed.extra } : {}),
    };
  return { deliver: true, content: parsed.replaceContent ?? msg.content, sensitiveType: 0 };
}

function readAnswer(
  text: string,
): { pass: number; replaceContent?: string; extra?: string } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const a = value as Record<string, unknown>;
  const pass = typeof a.pass === "string" && /^\d$/.test(a.pass) ? Number(a.pass) : a.pass;
  if (pass !== 0 && pass !== 1 && pass !== 2) return undefined;
  return {
    pass,
    ...(typeof a.replaceContent === "string" && a.replaceContent !== ""
      ? { replaceContent: a.replaceContent }
      : {}),
    ...(typeof a.extra === "string" ? { extra: a.extra } : {}),
  };
}

async function post(
  url: string,
  config: ResolvedAppConfig,
  ctx: RouteContext,
  msg: Outgoing,
): Promise<{ status: number; text: string }> {
  const { appKey: _omitted, ...query } = signRongCloudCallback({
    appKey: config.appKey,
    appSecret: config.appSecret,
    now: ctx.now,
  });
  const target = new URL(url);
  for (const [k, v] of Object.entries(query)) target.searchParams.set(k, v);
  const body = new URLSearchParams({
    appKey: config.appKey,
    fromUserId: msg.fromUserId,
    targetId: msg.targetId,
    msgType: msg.objectName,
    content: msg.content,
    channelType: CHANNEL[msg.conversationType] ?? "",
    msgTimeStamp: String(ctx.now),
    messageId: msg.uid,
    os: "Server",
  });
  const res = await fetch(target, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: body.toString(),
    signal: AbortSignal.timeout(ctx.preSendTimeoutMs),
  });
  return { status: res.status, text: await res.text() };
}
