import {
  checkExtensionKeys,
  checkExtensionWrites,
  checkId,
  checkText,
  chunked,
  distinct,
  type ExtensionRules,
  type ExtensionWrite,
  type ExtensionWriteInput,
  type MessageExtension,
} from "@imgraph/core";
import { call, num, type Op, str } from "./context.js";
import { itemFailure } from "./errors.js";
import {
  EXTENSION_KEY_MAX_BYTES,
  EXTENSION_VALUE_MAX_BYTES,
  EXTENSIONS_PER_WRITE,
  USER_ID,
} from "./limits.js";
import { decodeMessageId, type MessageRef } from "./message-ids.js";

/**
 * Message extensions (docs/vendors/tencent.md §5): openim_msg_ext_http_svc set_key_values /
 * get_key_values for one-to-one messages (MsgKey and both accounts, what the id carries) and
 * group_set_key_values / group_get_key_values for group messages (GroupId and MsgSeq). Only
 * messages sent with SupportMessageExtension 1 take them (sendMessage sets it under
 * options.messageExtensions). Each key has a Seq, but "when the App admin calls, Seq is not
 * checked" (the set pages), and every REST call is the admin's: no write can be conditional,
 * so the adapter offers no versions (the last write wins) and answers none.
 */

/** Tencent states only byte limits for keys (checked separately); any text without controls. */
export const EXTENSION_RULES: ExtensionRules = {
  key: {
    pattern: /^[^\p{Cc}]+$/u,
    description: `text without control characters (at most ${EXTENSION_KEY_MAX_BYTES} UTF-8 bytes)`,
    maxChars: EXTENSION_KEY_MAX_BYTES,
  },
  valueMaxBytes: EXTENSION_VALUE_MAX_BYTES,
  versioned: false,
};

/** get_key_values pages (size unverified): 300 keys at 20 a page at most. */
const MAX_READS = 15;

interface Row {
  Key?: unknown;
  Value?: unknown;
  Seq?: unknown;
}
interface GetAnswer {
  CompleteFlag?: unknown;
  ExtensionList?: Row[];
}
interface SetAnswer {
  ExtensionList?: Array<{ ErrorCode?: unknown; Extension?: Row }>;
}

/** The commands and the message's address for one message id. */
function target(ref: MessageRef) {
  return ref.kind === "c2c"
    ? {
        set: "openim_msg_ext_http_svc/set_key_values",
        get: "openim_msg_ext_http_svc/get_key_values",
        address: { From_Account: ref.from, To_Account: ref.to, MsgKey: ref.msgKey },
      }
    : {
        set: "openim_msg_ext_http_svc/group_set_key_values",
        get: "openim_msg_ext_http_svc/group_get_key_values",
        address: { GroupId: ref.groupId, MsgSeq: ref.msgSeq },
      };
}

/** A key as Tencent answered it, with its Seq (for paging); null for one it does not hold. */
function extension(row: Row | undefined): (MessageExtension & { seq: number }) | null {
  const key = str(row?.Key);
  const seq = num(row?.Seq);
  if (key === undefined || !seq) return null;
  // No version: the admin's writes cannot be made conditional on it.
  return { key, value: str(row?.Value) ?? "", version: null, seq };
}

function keyBytes(field: (i: number) => string, keys: string[]): void {
  keys.forEach((key, i) => {
    checkText(field(i), key, { maxBytes: EXTENSION_KEY_MAX_BYTES });
  });
}

/** Every key of the message, read from StartSeq 0 on (more pages when CompleteFlag is 0). */
export const getMessageExtensions: Op<"getMessageExtensions"> = async (ctx, input, options) => {
  const { get, address } = target(decodeMessageId(ctx, input?.messageId));
  const found = new Map<string, MessageExtension>();
  let startSeq = 0;
  for (let read = 0; read < MAX_READS; read++) {
    const answer = await call<GetAnswer>(
      ctx,
      "getMessageExtensions",
      get,
      { ...address, ...(startSeq > 0 ? { StartSeq: startSeq } : {}) },
      options,
      true,
    );
    const rows = (answer.ExtensionList ?? []).map(extension).filter((e) => e !== null);
    for (const { seq: _, ...e } of rows) found.set(e.key, e);
    if (Number(answer.CompleteFlag ?? 1) === 1 || rows.length === 0) break;
    startSeq = Math.max(...rows.map((e) => e.seq)) + 1;
  }
  return [...found.values()];
};

/**
 * Sets keys 20 a call (§5.1), in order, unconditionally (no versions): a repeat writes the same
 * values, so the call may be retried. Tencent writes as the app admin: `actorId` is checked
 * but not recorded (REST has no author).
 */
export const setMessageExtensions: Op<"setMessageExtensions"> = async (ctx, input, options) => {
  const { set, address } = target(decodeMessageId(ctx, input?.messageId));
  const writes = checkExtensionWrites(input.extensions, EXTENSION_RULES);
  keyBytes(
    (i) => `extensions[${i}].key`,
    writes.map((w) => w.key),
  );
  if (input.actorId !== undefined) checkId("actorId", input.actorId, USER_ID);
  const outcome = new Map<string, ExtensionWrite>();
  for (const chunk of chunked<ExtensionWriteInput>(writes, EXTENSIONS_PER_WRITE)) {
    const answer = await call<SetAnswer>(
      ctx,
      "setMessageExtensions",
      set,
      {
        ...address,
        OperateType: 1,
        ExtensionList: chunk.map((w) => ({ Key: w.key, Value: w.value })),
      },
      options,
      true,
    );
    const rows = answer.ExtensionList ?? [];
    chunk.forEach((w, i) => {
      const row = rows.find((r) => str(r?.Extension?.Key) === w.key) ?? rows[i];
      const code = num(row?.ErrorCode) ?? 0;
      if (code !== 0) throw itemFailure(code);
      // An answer without the key's row: it holds what was written.
      const answered = extension(row?.Extension) ?? { key: w.key, value: w.value };
      const current = { key: answered.key, value: answered.value, version: null };
      outcome.set(w.key, { key: w.key, applied: true, current });
    });
  }
  return writes.map((w) => outcome.get(w.key) as ExtensionWrite);
};

/** Deletes keys 20 a call (OperateType 2, no Seq: unconditional); a missing key is no error. */
export const removeMessageExtensions: Op<"removeMessageExtensions"> = async (
  ctx,
  input,
  options,
) => {
  const { set, address } = target(decodeMessageId(ctx, input?.messageId));
  const keys = checkExtensionKeys(input.keys, EXTENSION_RULES);
  keyBytes((i) => `keys[${i}]`, keys);
  if (input.actorId !== undefined) checkId("actorId", input.actorId, USER_ID);
  for (const chunk of chunked(distinct(keys), EXTENSIONS_PER_WRITE)) {
    const answer = await call<SetAnswer>(
      ctx,
      "removeMessageExtensions",
      set,
      { ...address, OperateType: 2, ExtensionList: chunk.map((Key) => ({ Key, Value: "" })) },
      options,
      true,
    );
    const failed = (answer.ExtensionList ?? []).find((r) => (num(r?.ErrorCode) ?? 0) !== 0);
    if (failed) throw itemFailure(failed.ErrorCode);
  }
};
