import { type CallOptions, checkId, ImError } from "@imgraph/core";
import { call, type Op, type TencentContext } from "./context.js";
import { memberPage } from "./groups.js";
import { AUTO_GROUP_ID_PREFIX, GROUP_ID, GROUP_NAME_MAX_BYTES } from "./limits.js";
import { outgoing, sendToGroup } from "./messages.js";

// Rooms are live groups (AVChatRoom): clients join them through the SDK; REST can list
// their members and post to them, but not add or remove members (10007 / 10004): kicking
// from a room is a declared gap (implementation.ts).

/** create_group answers for a custom id that exists: 10021, or 10025 when it is ours. */
const ID_TAKEN = new Set(["10021", "10025"]);

/**
 * Makes sure the live room's chat group exists: client SDKs can join an AVChatRoom but
 * not create one. Created ownerless with the room id as its GroupId; "id taken" means it
 * exists already, so a repeat is harmless. Ids Tencent generated (`@TGS#`) exist by
 * definition.
 */
export async function ensureRoom(
  ctx: TencentContext,
  roomId: string,
  options?: CallOptions,
): Promise<void> {
  if (roomId.startsWith(AUTO_GROUP_ID_PREFIX)) return;
  try {
    await call(
      ctx,
      "issueRoomCredential",
      "group_open_http_svc/create_group",
      // Room ids are printable ASCII: cutting at 30 characters cuts at 30 bytes.
      { Type: "AVChatRoom", GroupId: roomId, Name: roomId.slice(0, GROUP_NAME_MAX_BYTES) },
      options,
      true,
    );
  } catch (error) {
    if (error instanceof ImError && error.vendorCode && ID_TAKEN.has(error.vendorCode)) return;
    throw error;
  }
}

export const listRoomUsers: Op<"listRoomUsers"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, GROUP_ID);
  const page = await memberPage(
    ctx,
    { groupId: roomId, limit: input.limit, cursor: input.cursor ?? null },
    options,
    "listRoomUsers",
  );
  return {
    items: page.items.map((m) => ({ userId: m.userId, joinedAt: m.joinedAt })),
    nextCursor: page.nextCursor,
  };
};

export const sendRoomMessage: Op<"sendRoomMessage"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, GROUP_ID);
  const result = await sendToGroup(ctx, "sendRoomMessage", roomId, outgoing(input), options);
  if (!result.ok) throw result.error;
  return { messageId: result.value.messageId };
};
