import { createHash } from "node:crypto";
import {
  type CallOptions,
  checkImport,
  ImError,
  type ImportedMessage,
  type ImportedMessageResult,
  type ItemResult,
  itemError,
  itemOk,
  VendorRejectedError,
} from "@imgraph/core";
import { type MsgElement, toMsgBody } from "./content.js";
import { call, num, type Op, type TencentContext, toUnixSeconds } from "./context.js";
import { GROUP_IMPORTS_PER_CALL, GROUP_USERS } from "./limits.js";
import { encodeMessageId } from "./message-ids.js";

/**
 * Imports with original senders and times (docs/vendors/tencent.md §6): one-to-one messages
 * one importmsg call each (SyncFromOldSystem 2: history, no unread, no push), group messages
 * import_group_msg 7 a call; oldest first, one call after the other, as Tencent wants them
 * in time order. Neither fires callbacks.
 *
 * Retries: Tencent drops a one-to-one import whose (MsgSeq, MsgRandom, MsgTimeStamp) it
 * already has; whether it drops a repeated group import is not documented (unverified).
 * Those numbers derive from the message itself, so importing the same messages again does
 * not duplicate them: MsgRandom / Random hash the conversation, sender, second, content and
 * how many identical messages came before it in the input; MsgSeq counts the messages of the
 * same second (Tencent orders a one-to-one second by MsgSeq).
 */

const UINT32 = 0x1_0000_0000;
/**
 * import_group_msg's per-message Result (the page's table): 0 imported, 10004 a send time
 * out of bounds, 80002 a body over 12 KB; any other non-zero value is a refusal too.
 */
const IMPORT_REFUSALS: Record<number, string> = {
  10004:
    "Tencent refused to import this message: a group's imported messages must be later than its creation and its latest message, and earlier than now.",
  80002: "Tencent refused to import this message: its content is over 12 KB.",
};

interface Prepared {
  index: number;
  message: ImportedMessage;
  body: MsgElement[];
  time: number;
  seq: number;
  random: number;
}

/** Bodies and the dedup numbers of every message, computed before any call. */
function prepare(ctx: TencentContext, scope: string, messages: ImportedMessage[]): Prepared[] {
  const sameSecond = new Map<number, number>();
  const identical = new Map<string, number>();
  return messages.map((message, index) => {
    const body = toMsgBody(message.content, undefined, `messages[${index}].content`);
    const time = toUnixSeconds(`messages[${index}].sentAt`, message.sentAt);
    const seq = (sameSecond.get(time) ?? 0) + 1;
    sameSecond.set(time, seq);
    const what = `${ctx.appId}\n${scope}\n${message.senderId}\n${time}\n${JSON.stringify(body)}`;
    const nth = identical.get(what) ?? 0;
    identical.set(what, nth + 1);
    const digest = createHash("sha256").update(`${what}\n${nth}`).digest();
    return { index, message, body, time, seq, random: digest.readUInt32BE(0) % UINT32 };
  });
}

export const importMessages: Op<"importMessages"> = async (ctx, input, options) => {
  const { conversation, messages } = checkImport(input, GROUP_USERS, ctx.now());
  if (conversation.type === "USER") {
    const { userId, peerId } = conversation;
    const scope = `c2c\n${[userId, peerId].sort().join("\n")}`;
    return importUserMessages(ctx, [userId, peerId], prepare(ctx, scope, messages), options);
  }
  const groupId = conversation.groupId;
  return importGroupMessages(ctx, groupId, prepare(ctx, `group\n${groupId}`, messages), options);
};

/** One importmsg each; a failure answers that message and the next ones still go. */
async function importUserMessages(
  ctx: TencentContext,
  [userId, peerId]: [string, string],
  items: Prepared[],
  options?: CallOptions,
): Promise<ItemResult<ImportedMessageResult>[]> {
  const results: ItemResult<ImportedMessageResult>[] = [];
  for (const item of items) {
    const from = item.message.senderId;
    const to = from === userId ? peerId : userId;
    const key = String(item.index);
    try {
      await call(
        ctx,
        "importMessages",
        "openim/importmsg",
        {
          SyncFromOldSystem: 2,
          From_Account: from,
          To_Account: to,
          MsgSeq: item.seq,
          MsgRandom: item.random,
          MsgTimeStamp: item.time,
          MsgBody: item.body,
        },
        options,
        true,
      );
    } catch (error) {
      if (!(error instanceof ImError)) throw error;
      results.push(itemError(key, error));
      continue;
    }
    // importmsg answers no MsgKey: every documented one is `${MsgSeq}_${MsgRandom}_${MsgTime}`.
    const msgKey = `${item.seq}_${item.random}_${item.time}`;
    results.push(
      itemOk(key, { messageId: encodeMessageId(ctx, { kind: "c2c", msgKey, from, to }) }),
    );
  }
  return results;
}

interface GroupImportAnswer {
  ImportMsgResult?: Array<{ MsgSeq?: unknown; Result?: unknown }>;
}

/**
 * import_group_msg, 7 a call (RecentContactFlag 1: members' conversations show them). Each
 * row's MsgSeq makes the message's id; Result 2 (the time is not after the group's creation
 * and its latest message, or not before now) fails that message. An answer without rows (its
 * container name is unverified) counts as imported, without ids.
 */
async function importGroupMessages(
  ctx: TencentContext,
  groupId: string,
  items: Prepared[],
  options?: CallOptions,
): Promise<ItemResult<ImportedMessageResult>[]> {
  const results: ItemResult<ImportedMessageResult>[] = [];
  for (let start = 0; start < items.length; start += GROUP_IMPORTS_PER_CALL) {
    const chunk = items.slice(start, start + GROUP_IMPORTS_PER_CALL);
    let answer: GroupImportAnswer;
    try {
      answer = await call<GroupImportAnswer>(
        ctx,
        "importMessages",
        "group_open_http_svc/import_group_msg",
        {
          GroupId: groupId,
          RecentContactFlag: 1,
          MsgList: chunk.map((item) => ({
            From_Account: item.message.senderId,
            SendTime: item.time,
            Random: item.random,
            MsgBody: item.body,
          })),
        },
        options,
        true,
      );
    } catch (error) {
      if (!(error instanceof ImError)) throw error;
      for (const item of chunk) results.push(itemError(String(item.index), error));
      continue;
    }
    chunk.forEach((item, i) => {
      const row = answer.ImportMsgResult?.[i];
      const key = String(item.index);
      const result = num(row?.Result) ?? 0;
      if (result !== 0) {
        const why =
          IMPORT_REFUSALS[result] ?? `Tencent refused to import this message (Result ${result}).`;
        results.push(itemError(key, new VendorRejectedError("tencent", String(result), why)));
        return;
      }
      const msgSeq = num(row?.MsgSeq);
      const from = item.message.senderId;
      const messageId = msgSeq
        ? encodeMessageId(ctx, { kind: "group", groupId, msgSeq, from })
        : null;
      results.push(itemOk(key, { messageId }));
    });
  }
  return results;
}
