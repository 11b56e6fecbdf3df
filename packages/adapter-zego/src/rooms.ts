import {
  BadUserInputError,
  checkId,
  checkIds,
  checkText,
  decodeCursor,
  encodeCursor,
  itemOk,
  pageLimit,
  type RoomMessageInput,
  type RoomUser,
  runIdBatches,
  UnsupportedByVendorError,
  unknownContentType,
  utf8Bytes,
} from "@imgraph/core";
import { type Op, rtc } from "./context.js";
import {
  CUSTOM_TYPE_MAX_CHARS,
  ROOM_ID,
  ROOM_KICK_PER_CALL,
  ROOM_MESSAGE_MAX_BYTES,
  ROOM_REASON_MAX_BYTES,
  ROOM_USERS_PAGE_MAX,
  USER_ID,
} from "./limits.js";

// Rooms are ZEGO RTC (Video Call) rooms: clients enter them with a room Token04; the
// server lists, kicks and messages their users through the RTC server API.

/** MessageCategory of SendBroadcastMessage: 1 system, 2 chat. */
const CHAT = 2;
/** DescribeUserList Mode: 0 ascending by login time. */
const OLDEST_FIRST = 0;

interface UserListData {
  Marker?: unknown;
  UserList?: Array<{ UserId?: unknown }>;
}

/** DescribeUserList: Marker "" first, an empty Marker at the end. */
export const listRoomUsers: Op<"listRoomUsers"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, ROOM_ID);
  const limit = pageLimit(input.limit, ROOM_USERS_PAGE_MAX);
  const cursor = decodeCursor<{ m: string }>("ru", input.cursor, { m: "string" });
  const data = await rtc<UserListData>(
    ctx,
    {
      operation: "listRoomUsers",
      action: "DescribeUserList",
      method: "GET",
      params: { RoomId: roomId, Mode: OLDEST_FIRST, Limit: limit, Marker: cursor?.m ?? "" },
      idempotent: true,
    },
    options,
  );
  const items = (data.UserList ?? [])
    .filter((u) => typeof u.UserId === "string")
    .map((u): RoomUser => ({ userId: u.UserId as string, joinedAt: null }));
  const marker = typeof data.Marker === "string" ? data.Marker : "";
  return {
    items,
    nextCursor: marker === "" || items.length === 0 ? null : encodeCursor("ru", { m: marker }),
  };
};

/** KickoutUser, 5 users per call. */
export const kickRoomUsers: Op<"kickRoomUsers"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, ROOM_ID);
  const ids = checkIds("userIds", input.userIds, USER_ID);
  const reason =
    input.reason === undefined
      ? undefined
      : checkText("reason", input.reason, { maxBytes: ROOM_REASON_MAX_BYTES, allowEmpty: true });
  return runIdBatches(ctx, ids, ROOM_KICK_PER_CALL, async (chunk) => {
    await rtc(
      ctx,
      {
        operation: "kickRoomUsers",
        action: "KickoutUser",
        method: "GET",
        params: { RoomId: roomId, "UserId[]": chunk, CustomReason: reason },
        // Kicking someone who already left changes nothing.
        idempotent: true,
      },
      options,
    );
    return chunk.map((id) => itemOk(id, true as const));
  });
};

/**
 * SendBroadcastMessage (a chat message in the room's message channel, with an id), not
 * SendCustomCommand (signalling to online users, no id, nothing kept). RTC messages are
 * text: custom content travels as JSON text; media has no RTC form.
 */
export const sendRoomMessage: Op<"sendRoomMessage"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, ROOM_ID);
  const [from] = checkIds("from", [input.from], USER_ID) as [string];
  const text = roomText(input.content);
  const data = await rtc<{ MessageId?: unknown }>(
    ctx,
    {
      operation: "sendRoomMessage",
      action: "SendBroadcastMessage",
      method: "GET",
      params: { RoomId: roomId, UserId: from, MessageCategory: CHAT, MessageContent: text },
      idempotent: false,
    },
    options,
  );
  const id = data.MessageId;
  return {
    messageId: typeof id === "number" || (typeof id === "string" && id) ? String(id) : null,
  };
};

function roomText(content: RoomMessageInput["content"]): string {
  let text: string;
  if (content?.type === "TEXT") {
    text = checkText("content.text", content.text, {});
  } else if (content?.type === "CUSTOM") {
    checkText("content.customType", content.customType, { maxChars: CUSTOM_TYPE_MAX_CHARS });
    text = JSON.stringify({ imgraphType: content.customType, data: content.data ?? null });
  } else if (content?.type === "IMAGE" || content?.type === "FILE") {
    throw new UnsupportedByVendorError(
      "zego",
      "sendRoomMessage",
      "RTC room messages carry text only (send TEXT or CUSTOM content)",
    );
  } else {
    throw unknownContentType("content");
  }
  if (utf8Bytes(text) > ROOM_MESSAGE_MAX_BYTES) {
    throw new BadUserInputError(
      "content",
      `content must be at most ${ROOM_MESSAGE_MAX_BYTES} bytes for an RTC room message.`,
    );
  }
  return text;
}
