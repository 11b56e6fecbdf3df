import {
  type CallOptions,
  checkActor,
  checkCount,
  checkExtensionKeys,
  checkExtensionWrites,
  checkText,
  chunked,
  distinct,
  type MessageExtension,
  reactionsOverExtensions,
  UnsupportedByVendorError,
  VendorRejectedError,
} from "@imgraph/core";
import { type Op, post, type RongCloudContext } from "./context.js";
import {
  EXTENSION_KEYS_PER_CALL,
  EXTENSION_KEYS_PER_MESSAGE,
  EXTENSION_QUERY_PAGE,
  EXTENSION_RULES,
  EXTENSION_VALUE_MAX_CHARS,
  USER_ID,
} from "./limits.js";
import { decodeMessageId, GROUP, type MessageRef, PRIVATE } from "./message-ids.js";

// Message extensions: /message/expansion/query.json, set.json and delete.json (#16 reference
// §2.1–2.3). Only one-to-one and group messages sent with expansion=true (options
// .messageExtensions) have them. RongCloud keeps no versions: every key answers version null,
// a write naming a version is refused by checkExtensionWrites, and the last write wins.

const ONLY_PRIVATE_AND_GROUP =
  "RongCloud's message extensions exist only on one-to-one and group messages (messageId names a system or chatroom message)";
const AS_PARTICIPANT =
  "RongCloud writes a one-to-one message's extensions as one of its two users; omit actorId or give the sender or the recipient";

/** A message that may have extensions: one-to-one or group, refused otherwise before any call. */
function extensibleRef(ctx: RongCloudContext, messageId: unknown, operation: string): MessageRef {
  const ref = decodeMessageId(ctx, messageId);
  if (ref.type !== PRIVATE && ref.type !== GROUP)
    throw new UnsupportedByVendorError("rongcloud", operation, ONLY_PRIVATE_AND_GROUP);
  return ref;
}

/**
 * The fields naming the message and who writes: `userId` the operator, `targetId` the
 * conversation as the operator sees it (the other user, or the group). Without an actor the
 * message's sender writes.
 */
function writeFields(ref: MessageRef, actorId: string | undefined, operation: string) {
  const actor = checkActor(actorId, USER_ID);
  const common = { msgUID: ref.uid, conversationType: ref.type };
  if (ref.type === GROUP) return { ...common, userId: actor ?? ref.from, targetId: ref.target };
  if (actor === undefined || actor === ref.from)
    return { ...common, userId: ref.from, targetId: ref.target };
  if (actor === ref.target) return { ...common, userId: ref.target, targetId: ref.from };
  throw new UnsupportedByVendorError("rongcloud", operation, AS_PARTICIPANT);
}

interface QueryAnswer {
  extraContent?: Record<string, unknown>;
}

/** Every key of the message, page by page (300 a page; a message holds at most 300). */
async function readExtensions(
  ctx: RongCloudContext,
  uid: string,
  operation: string,
  options: CallOptions | undefined,
): Promise<MessageExtension[]> {
  const found = new Map<string, MessageExtension>();
  for (let pageNo = 1; ; pageNo++) {
    const answer = await post<QueryAnswer>(
      ctx,
      operation,
      "/message/expansion/query.json",
      { msgUID: uid, pageNo },
      options,
      true,
    );
    const entries = Object.entries(answer.extraContent ?? {});
    const before = found.size;
    for (const [key, entry] of entries)
      found.set(key, { key, value: extensionValue(entry), version: null });
    // A short page is the last; a page that adds nothing means the server ignores pageNo.
    if (entries.length < EXTENSION_QUERY_PAGE || found.size === before) break;
  }
  return [...found.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** `{v, ts}` as documented; a bare string is taken as the value (lenient). */
function extensionValue(entry: unknown): string {
  if (typeof entry === "string") return entry;
  if (typeof entry === "object" && entry !== null && "v" in entry) {
    const v = (entry as { v: unknown }).v;
    return typeof v === "string" ? v : JSON.stringify(v);
  }
  return JSON.stringify(entry);
}

/** A parameter refusal of an extension write: the likely causes RongCloud does not name. */
function explained(err: unknown): unknown {
  if (!(err instanceof VendorRejectedError) || err.vendorCode !== "1002") return err;
  return new VendorRejectedError(
    "rongcloud",
    "1002",
    `RongCloud refused the extension change: ${err.message} (the message must exist and have been sent while messageExtensions was on, with expansion=true; targeted group messages have no extensions)`,
    err.requestId ? { requestId: err.requestId } : {},
  );
}

async function write(
  ctx: RongCloudContext,
  operation: string,
  path: string,
  fields: Record<string, string | number>,
  options: CallOptions | undefined,
): Promise<void> {
  try {
    await post(ctx, operation, path, fields, options, true);
  } catch (err) {
    throw explained(err);
  }
}

export const getMessageExtensions: Op<"getMessageExtensions"> = async (ctx, input, options) => {
  const ref = extensibleRef(ctx, input?.messageId, "getMessageExtensions");
  return readExtensions(ctx, ref.uid, "getMessageExtensions", options);
};

/**
 * Writes in calls of 100 keys, then reads the keys back: a key whose value did not stand
 * (RongCloud dropped it because the message already holds 300 keys, or another write
 * replaced it meanwhile) answers applied false with what RongCloud keeps.
 */
export const setMessageExtensions: Op<"setMessageExtensions"> = async (ctx, input, options) => {
  const ref = extensibleRef(ctx, input?.messageId, "setMessageExtensions");
  const writes = checkExtensionWrites(input.extensions, EXTENSION_RULES);
  checkCount("extensions", writes, { max: EXTENSION_KEYS_PER_MESSAGE });
  writes.forEach((w, i) => {
    checkText(`extensions[${i}].value`, w.value, {
      maxChars: EXTENSION_VALUE_MAX_CHARS,
      allowEmpty: true,
    });
  });
  const fields = writeFields(ref, input.actorId, "setMessageExtensions");
  for (const chunk of chunked(writes, EXTENSION_KEYS_PER_CALL)) {
    const extraKeyVal = JSON.stringify(Object.fromEntries(chunk.map((w) => [w.key, w.value])));
    await write(
      ctx,
      "setMessageExtensions",
      "/message/expansion/set.json",
      { ...fields, extraKeyVal },
      options,
    );
  }
  const now = new Map(
    (await readExtensions(ctx, ref.uid, "setMessageExtensions", options)).map((e) => [e.key, e]),
  );
  return writes.map((w) => {
    const current = now.get(w.key) ?? null;
    return { key: w.key, applied: current?.value === w.value, current };
  });
};

export const removeMessageExtensions: Op<"removeMessageExtensions"> = async (
  ctx,
  input,
  options,
) => {
  const ref = extensibleRef(ctx, input?.messageId, "removeMessageExtensions");
  const keys = distinct(checkExtensionKeys(input.keys, EXTENSION_RULES));
  checkCount("keys", keys, { max: EXTENSION_KEYS_PER_MESSAGE });
  const fields = writeFields(ref, input.actorId, "removeMessageExtensions");
  for (const chunk of chunked(keys, EXTENSION_KEYS_PER_CALL)) {
    await write(
      ctx,
      "removeMessageExtensions",
      "/message/expansion/delete.json",
      { ...fields, extraKey: JSON.stringify(chunk) },
      options,
    );
  }
};

/**
 * addReaction, removeReaction and listReactions kept in the extensions (core's scheme).
 * Unversioned: the last write wins, so two users changing the same emoji at the same instant
 * may lose one change; setMessageExtensions' read-back makes a lost write retry, which
 * narrows that window without closing it.
 */
export const reactions = reactionsOverExtensions<RongCloudContext>(
  { getMessageExtensions, setMessageExtensions },
  false,
);
