import { randomInt } from "node:crypto";
import {
  BadUserInputError,
  type BroadcastInput,
  type BroadcastResult,
  type CallOptions,
  type Conversation,
  checkId,
  checkIds,
  checkInt,
  checkText,
  type HistoryInput,
  type IdFields,
  type ItemResult,
  itemError,
  itemOk,
  type Message,
  NotFoundError,
  type Page,
  pageLimit,
  type RecallInput,
  runBatched,
  type SendMessageInput,
  type SentMessage,
  type SystemMessageInput,
  VendorUnavailableError,
} from "@imgraph/core";
import { fromRongCloud, toRongCloud } from "./content.js";
import { cursorError, post, postJson, type RongCloudContext } from "./context.js";
import {
  GROUP_ID,
  HISTORY_PAGE_MAX,
  PRIVATE_RECIPIENTS_PER_CALL,
  SYSTEM_RECIPIENTS_PER_CALL,
  USER_ID,
} from "./limits.js";

/** RongCloud's conversation types, as recall and history name them. */
const PRIVATE = 1;
const GROUP = 3;
const SYSTEM = 6;

interface PublishAnswer {
  messageUIDs?: Array<{ userId?: unknown; groupId?: unknown; messageUID?: unknown }>;
  messageUID?: unknown;
}

/**
 * What a RongCloud recall needs, packed into the opaque message id. No time: the id must
 * be the same whether it came from a send, from history or from a callback, and only the
 * latter two know the server's time. Recall reads that time back from history.
 */
interface MessageRef {
  uid: string;
  type: number;
  target: string;
  from: string;
}

export function encodeMessageId(ctx: RongCloudContext, ref: MessageRef): string {
  return ctx.ids.encode("msg", "rongcloud", ctx.appId, { ...ref });
}

export function describeMessageId(
  ctx: RongCloudContext,
  id: string,
): { senderId: string; conversation: Conversation } | null {
  try {
    const ref = decodeMessageId(ctx, id);
    const type = ref.type === GROUP ? "GROUP" : ref.type === SYSTEM ? "SYSTEM" : "USER";
    return { senderId: ref.from, conversation: { type, id: ref.target } };
  } catch {
    return null;
  }
}

function decodeMessageId(ctx: RongCloudContext, id: string): MessageRef {
  const f: IdFields = ctx.ids.decode(id, {
    kind: "msg",
    vendor: "rongcloud",
    appId: ctx.appId,
    field: "messageId",
  });
  if (
    typeof f.uid !== "string" ||
    typeof f.type !== "number" ||
    typeof f.target !== "string" ||
    typeof f.from !== "string"
  ) {
    throw new BadUserInputError("messageId", "messageId is not a valid id: malformed.");
  }
  return { uid: f.uid, type: f.type, target: f.target, from: f.from };
}

/** The uid the server gave each recipient (or group), by target id. */
function uidsByTarget(answer: PublishAnswer): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of answer.messageUIDs ?? []) {
    const target = entry.userId ?? entry.groupId;
    if (typeof target === "string" && typeof entry.messageUID === "string")
      map.set(target, entry.messageUID);
  }
  return map;
}

// Older servers answer publish with `{code:200}` only (reference §2.3.2): without a uid
// a message cannot be recalled later, so we report the send as done but unidentifiable.
function sentItems(
  ctx: RongCloudContext,
  answer: PublishAnswer,
  targets: string[],
  from: string,
  type: number,
  sentAt: number,
): ItemResult<SentMessage>[] {
  const uids = uidsByTarget(answer);
  return targets.map((target) => {
    const uid = uids.get(target);
    if (!uid) {
      return itemError(
        target,
        new VendorUnavailableError(
          "rongcloud",
          "RongCloud accepted the message but gave it no id.",
          { operation: "sendMessage" },
        ),
      );
    }
    return itemOk(target, {
      recipientId: target,
      messageId: encodeMessageId(ctx, { uid, type, target, from }),
      // The publish answer has no server time; ours is the best there is.
      sentAt: new Date(sentAt),
    });
  });
}

function pushFields(pushText: string | undefined) {
  if (pushText === undefined) return {};
  checkText("pushText", pushText, { maxBytes: 1024 });
  return { pushContent: pushText };
}

export async function sendMessage(
  ctx: RongCloudContext,
  input: SendMessageInput,
  options?: CallOptions,
): Promise<ItemResult<SentMessage>[]> {
  const [from] = checkIds("from", [input?.from], USER_ID) as [string];
  const body = toRongCloud(input.content);
  const push = pushFields(input.pushText);
  if (input.to?.type === "GROUP") {
    const groupId = checkId("to.groupId", input.to.groupId, GROUP_ID);
    const sentAt = Date.now();
    const answer = await post<PublishAnswer>(
      ctx,
      "sendMessage",
      "/message/group/publish.json",
      { fromUserId: from, toGroupId: groupId, ...body, ...push },
      options,
      false,
    );
    return sentItems(ctx, answer, [groupId], from, GROUP, sentAt);
  }
  if (input.to?.type !== "USERS")
    throw new BadUserInputError("to", "to must name users or a group.");
  const recipients = checkIds("to.userIds", input.to.userIds, USER_ID);
  return runBatched(recipients, {
    size: PRIVATE_RECIPIENTS_PER_CALL,
    concurrency: ctx.concurrency,
    keyOf: (id) => id,
    run: async (chunk) => {
      const sentAt = Date.now();
      // msgRandom lets a server with dedup enabled drop a repeated send (reference §2.3.1).
      const answer = await post<PublishAnswer>(
        ctx,
        "sendMessage",
        "/message/private/publish.json",
        { fromUserId: from, toUserId: chunk, ...body, ...push, msgRandom: randomInt(1, 2 ** 47) },
        options,
        false,
      );
      return sentItems(ctx, answer, chunk, from, PRIVATE, sentAt);
    },
  });
}

export async function sendSystemMessage(
  ctx: RongCloudContext,
  input: SystemMessageInput,
  options?: CallOptions,
): Promise<ItemResult<SentMessage>[]> {
  const [from] = checkIds("from", [input?.from], USER_ID) as [string];
  const body = toRongCloud(input.content);
  const push = pushFields(input.pushText);
  const recipients = checkIds("userIds", input.userIds, USER_ID);
  return runBatched(recipients, {
    size: SYSTEM_RECIPIENTS_PER_CALL,
    concurrency: ctx.concurrency,
    keyOf: (id) => id,
    run: async (chunk) => {
      const sentAt = Date.now();
      const answer = await post<PublishAnswer>(
        ctx,
        "sendSystemMessage",
        "/message/system/publish.json",
        { fromUserId: from, toUserId: chunk, ...body, ...push },
        options,
        false,
      );
      return sentItems(ctx, answer, chunk, from, SYSTEM, sentAt);
    },
  });
}

export async function broadcastMessage(
  ctx: RongCloudContext,
  input: BroadcastInput,
  options?: CallOptions,
): Promise<BroadcastResult> {
  const [from] = checkIds("from", [input?.from], USER_ID) as [string];
  const body = toRongCloud(input.content);
  const answer = await post<PublishAnswer>(
    ctx,
    "broadcastMessage",
    "/message/broadcast.json",
    { fromUserId: from, ...body, ...pushFields(input.pushText) },
    options,
    false,
  );
  return { messageId: typeof answer.messageUID === "string" ? answer.messageUID : null };
}

export async function recallMessage(
  ctx: RongCloudContext,
  input: RecallInput,
  options?: CallOptions,
  historyEnabled = true,
): Promise<void> {
  const ref = decodeMessageId(ctx, input?.messageId);
  const actor =
    input.actorId === undefined
      ? ref.from
      : (checkIds("actorId", [input.actorId], USER_ID)[0] as string);
  // RongCloud wants the message's server time with a recall: read it back from history
  // (a read, safe to retry). Without cloud storage we cannot, and send none (the Java SDK
  // treats it as optional; unverified whether the server agrees).
  const sentTime = historyEnabled ? await serverSentTime(ctx, ref, options) : undefined;
  await post(
    ctx,
    "recallMessage",
    "/message/recall.json",
    {
      fromUserId: ref.from,
      conversationType: ref.type,
      targetId: ref.target,
      messageUID: ref.uid,
      sentTime,
      // An admin recall when someone other than the sender asks.
      isAdmin: actor === ref.from ? 0 : 1,
    },
    options,
    true,
  );
}

/** How far back a recall looks for its message: the conversation's newest messages. */
const RECALL_SEARCH_DEPTH = 1000;

async function serverSentTime(
  ctx: RongCloudContext,
  ref: MessageRef,
  options?: CallOptions,
): Promise<number | undefined> {
  const path =
    ref.type === GROUP
      ? "/v3/message/group/query.json"
      : ref.type === PRIVATE
        ? "/v3/message/private/query.json"
        : undefined;
  // System messages have no history to read.
  if (!path) return undefined;
  const query = (start: number, end: number) =>
    postJson<HistoryAnswer>(
      ctx,
      "recallMessage",
      path,
      {
        userId: ref.from,
        targetId: ref.target,
        startTime: start,
        endTime: end,
        pageSize: HISTORY_PAGE_MAX,
        includeStart: true,
      },
      options,
    );
  const rows = await newest(query, 0, Date.now() + 60_000, RECALL_SEARCH_DEPTH);
  const row = rows.find((r) => r.messageUID === ref.uid);
  if (!row) {
    throw new NotFoundError(
      `The message is not among the conversation's newest ${RECALL_SEARCH_DEPTH} messages (or was already recalled).`,
      { vendor: "rongcloud", operation: "recallMessage" },
    );
  }
  return Number(row.msgTime);
}

interface HistoryAnswer {
  data?: Array<{
    targetId?: unknown;
    fromUserId?: unknown;
    messageUID?: unknown;
    msgTime?: unknown;
    objectName?: unknown;
    content?: unknown;
  }>;
}

/**
 * History, newest first. The v3 query takes a closed time window and a page size, but
 * RongCloud does not document which end of the window a full page comes from. So we ask
 * for a whole window and, when the answer is full (maybe cut), split the window and read
 * the newer half first: correct whichever end the server pages from. The cursor carries
 * the time of the last message returned plus the uids at that millisecond.
 */
export async function listMessages(
  ctx: RongCloudContext,
  input: HistoryInput,
  options?: CallOptions,
): Promise<Page<Message>> {
  const limit = pageLimit(input?.limit, HISTORY_PAGE_MAX, 20);
  const conversation = input.conversation;
  let path: string;
  let userId: string;
  let targetId: string;
  if (conversation?.type === "USER") {
    [userId] = checkIds("conversation.userId", [conversation.userId], USER_ID) as [string];
    [targetId] = checkIds("conversation.peerId", [conversation.peerId], USER_ID) as [string];
    path = "/v3/message/private/query.json";
  } else if (conversation?.type === "GROUP") {
    targetId = checkId("conversation.groupId", conversation.groupId, GROUP_ID);
    userId = targetId;
    path = "/v3/message/group/query.json";
  } else {
    throw new BadUserInputError(
      "conversation",
      "conversation must be a USER or GROUP conversation.",
    );
  }
  const cursor = decodeHistoryCursor(input.cursor);
  const after = input.after?.getTime() ?? 0;
  let before = input.before ? input.before.getTime() - 1 : Date.now() + 60_000;
  if (cursor) before = Math.min(before, cursor.time);
  if (before < after) return { items: [], nextCursor: null };

  const seen = new Set(cursor?.seen ?? []);
  const query = (start: number, end: number) =>
    postJson<HistoryAnswer>(
      ctx,
      "listMessages",
      path,
      {
        userId,
        targetId,
        startTime: start,
        endTime: end,
        pageSize: HISTORY_PAGE_MAX,
        includeStart: true,
      },
      options,
    );
  // One more than the page, to know whether another page follows.
  const rows = (await newest(query, after, before, limit + 1 + seen.size))
    .filter((r) => typeof r.messageUID === "string" && !seen.has(r.messageUID))
    .sort((x, y) => Number(y.msgTime) - Number(x.msgTime));
  const page = rows.slice(0, limit);
  const type = conversation.type === "USER" ? PRIVATE : GROUP;
  const items = page.map((r) =>
    toMessage(ctx, type, { userId: conversation.type === "USER" ? userId : "", targetId }, r),
  );
  if (rows.length <= limit) return { items, nextCursor: null };
  const lastTime = (items[items.length - 1] as Message).sentAt.getTime();
  const sameMs = page
    .filter((r) => Number(r.msgTime) === lastTime)
    .map((r) => String(r.messageUID));
  return {
    items,
    nextCursor: encodeHistoryCursor(lastTime, [
      ...(cursor && cursor.time === lastTime ? cursor.seen : []),
      ...sameMs,
    ]),
  };
}

type HistoryRow = NonNullable<HistoryAnswer["data"]>[number];

/** At least `need` of the newest rows in [start, end] (all of them when fewer exist). */
async function newest(
  query: (start: number, end: number) => Promise<HistoryAnswer>,
  start: number,
  end: number,
  need: number,
): Promise<HistoryRow[]> {
  const rows = (await query(start, end)).data ?? [];
  // A partial page is the whole window; a single millisecond cannot be split further.
  if (rows.length < HISTORY_PAGE_MAX || start >= end) return rows;
  const mid = Math.floor((start + end) / 2);
  const upper = await newest(query, mid + 1, end, need);
  if (upper.length >= need) return upper;
  return upper.concat(await newest(query, start, mid, need - upper.length));
}

function toMessage(
  ctx: RongCloudContext,
  type: number,
  view: { userId: string; targetId: string },
  row: NonNullable<HistoryAnswer["data"]>[number],
): Message {
  const uid = String(row.messageUID);
  const sentAt = Number(row.msgTime);
  const from = typeof row.fromUserId === "string" ? row.fromUserId : "";
  const objectName = typeof row.objectName === "string" ? row.objectName : "";
  const raw = typeof row.content === "string" ? row.content : JSON.stringify(row.content ?? null);
  // Recall targets the conversation as the sender sees it.
  const target =
    type === PRIVATE ? (from === view.userId ? view.targetId : view.userId) : view.targetId;
  const recalled = objectName === "RC:RcNtf" || objectName === "RC:RcCmd";
  return {
    id: encodeMessageId(ctx, { uid, type, target, from }),
    conversation:
      type === PRIVATE ? { type: "USER", id: view.targetId } : { type: "GROUP", id: view.targetId },
    senderId: from,
    sentAt: new Date(sentAt),
    content: fromRongCloud(objectName, raw),
    recalled,
  };
}

function encodeHistoryCursor(time: number, seen: string[]): string {
  return Buffer.from(JSON.stringify({ t: time, s: seen })).toString("base64url");
}

function decodeHistoryCursor(
  cursor: string | null | undefined,
): { time: number; seen: string[] } | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as {
      t?: unknown;
      s?: unknown;
    };
    const time = checkInt("cursor", value.t, { min: 0 });
    if (
      !Array.isArray(value.s) ||
      !value.s.every((x) => typeof x === "string") ||
      value.s.length > HISTORY_PAGE_MAX
    )
      throw cursorError();
    return { time, seen: value.s as string[] };
  } catch {
    throw cursorError();
  }
}
