import { type CallOptions, ImError } from "@imgraph/core";
import { call, type TencentContext } from "./context.js";
import { AUTO_GROUP_ID_PREFIX, GROUP_NAME_MAX_BYTES } from "./limits.js";

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
