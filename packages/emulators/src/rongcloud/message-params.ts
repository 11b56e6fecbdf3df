/** Common parameters of the form-encoded publish endpoints (§2.3.1) and message storage. */
import { invalid, RcError, tooLong, tooMany } from "./errors.js";
import { messageUid } from "./ids.js";
import { type Params, REF_RULE } from "./params.js";
import type { RouteContext } from "./route.js";
import type { AppState, ConversationType, StoredMessage } from "./state.js";
import { storeMessage } from "./state.js";

export const CONTENT_MAX_BYTES = 128 * 1024;
const EXTRA_KEY = /^[A-Za-z0-9+=_-]{1,32}$/;

export interface MessageInput {
  fromUserId: string;
  objectName: string;
  content: string;
  isPersisted: 0 | 1;
  verifyBlacklist: 0 | 1;
  expansion: boolean;
  extraContent?: Record<string, unknown>;
  busChannel: string;
  msgRandom?: number;
}

export function readObjectName(p: Params): string {
  return p.required("objectName", { maxChars: 32 });
}

/** Built-in (`RC:`) types carry a JSON content string; custom types may carry anything. */
export function checkContent(objectName: string, content: string, field = "content"): void {
  if (Buffer.byteLength(content) > CONTENT_MAX_BYTES)
    throw tooLong(field, CONTENT_MAX_BYTES, "bytes");
  if (!objectName.startsWith("RC:")) return;
  try {
    JSON.parse(content);
  } catch {
    throw invalid(field, `must be a JSON string for built-in type ${objectName}`);
  }
}

/** Validates every documented common parameter, returns those the emulator acts on. */
export function readMessage(p: Params): MessageInput {
  const fromUserId = p.required("fromUserId", REF_RULE);
  const objectName = readObjectName(p);
  const content = p.required("content", { maxBytes: CONTENT_MAX_BYTES });
  checkContent(objectName, content);
  p.optional("pushContent");
  p.optional("pushData");
  p.jsonObject("pushExt");
  p.int("count", { min: -1, max: 9999 });
  for (const f of [
    "isCounted",
    "isIncludeSender",
    "contentAvailable",
    "needReadReceipt",
    "isMentioned",
  ])
    p.flag(f, 0);
  for (const f of ["disablePush", "disableUpdateLastMsg"]) p.bool(f, false);
  const expansion = p.bool("expansion", false);
  const extraContent = p.jsonObject("extraContent");
  if (extraContent) checkExtraContent(extraContent);
  const msgRandom = p.int("msgRandom");
  return {
    fromUserId,
    objectName,
    content,
    isPersisted: p.flag("isPersisted", 1),
    verifyBlacklist: p.flag("verifyBlacklist", 0),
    expansion,
    ...(extraContent ? { extraContent } : {}),
    busChannel: p.optional("busChannel", { maxChars: 20 }) ?? "",
    ...(msgRandom !== undefined ? { msgRandom } : {}),
  };
}

function checkExtraContent(extra: Record<string, unknown>): void {
  const entries = Object.entries(extra);
  if (entries.length > 100) throw tooMany("extraContent", 100);
  for (const [k, v] of entries) {
    if (!EXTRA_KEY.test(k))
      throw invalid("extraContent", `key ${k} must be 1-32 of [A-Za-z0-9+=-_]`);
    if ([...String(v)].length > 4096) throw tooLong(`extraContent.${k}`, 4096, "characters");
  }
}

/** `msgRandom` idempotency (feature-gated): a repeat within 60 s is refused. */
export function checkMsgRandom(ctx: RouteContext, route: string, msg: MessageInput): void {
  const { app, now } = ctx;
  if (!app.config.features.msgRandom || msg.msgRandom === undefined) return;
  for (const [k, exp] of app.msgRandoms) if (exp <= now) app.msgRandoms.delete(k);
  const key = `${route}\u0000${msg.fromUserId}\u0000${msg.msgRandom}`;
  // The real error code is unverified (§5 row 23): answered as a parameter error.
  if (app.msgRandoms.has(key))
    throw new RcError(400, 1002, `msgRandom ${msg.msgRandom} was already used within 60 s`);
  app.msgRandoms.set(key, now + 60_000);
}

/** True when `to` has `from` on their blacklist (honoured only with verifyBlacklist=1). */
export function blacklisted(app: AppState, from: string, to: string): boolean {
  return app.blacklists.get(to)?.has(from) ?? false;
}

/** Create, store (for history/recall) and route one message to one target. */
export function deliver(
  ctx: RouteContext,
  input: MessageInput,
  conversationType: ConversationType,
  targetId: string,
  options: {
    persisted?: boolean;
    store?: boolean;
    route?: boolean;
    content?: string;
    toUserIds?: string[];
    /** The uid moderation already announced (message callback's messageId). */
    uid?: string;
    sensitiveType?: 0 | 2;
  } = {},
): StoredMessage {
  const msg: StoredMessage = {
    uid: options.uid ?? messageUid(),
    sentTime: ctx.now,
    fromUserId: input.fromUserId,
    targetId,
    conversationType,
    objectName: input.objectName,
    content: options.content ?? input.content,
    persisted: options.persisted ?? input.isPersisted === 1,
    expansion: input.expansion,
    ...(input.extraContent ? { extraContent: input.extraContent } : {}),
    busChannel: input.busChannel,
    ...(options.toUserIds ? { toUserIds: options.toUserIds } : {}),
    ...(options.sensitiveType ? { sensitiveType: options.sensitiveType } : {}),
  };
  if (options.store !== false) storeMessage(ctx.app, msg);
  if (options.route !== false) ctx.callbacks.routeMessage(ctx.app, msg);
  return msg;
}
