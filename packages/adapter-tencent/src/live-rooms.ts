import {
  BadUserInputError,
  type CallOptions,
  checkActor,
  checkGroupAttributes,
  checkId,
  checkIds,
  checkInt,
  checkText,
  type LiveRoom,
  NotFoundError,
  UnsupportedByVendorError,
  VendorRejectedError,
} from "@imgraph/core";
import { call, fromUnixSeconds, num, type Op, str, type TencentContext } from "./context.js";
import { writeAttributes } from "./group-attributes.js";
import { GROUP_ATTRIBUTE_RULES } from "./group-depth-limits.js";
import { setMuteAll } from "./group-profile.js";
import { AUTO_GROUP_ID_PREFIX, GROUP_ID, GROUP_NAME_MAX_BYTES, USER_ID } from "./limits.js";

// Live rooms are live groups (AVChatRoom, docs/vendors/tencent.md #17 §3): created and
// destroyed over REST, entered from the client SDKs. A group of another type is no live
// room: reads answer null for it and writes NOT_FOUND.

/** The base fields a live room read asks for (MuteAllMember; ShutUpAllMember in older docs). */
const ROOM_FILTER = [
  "Type",
  "Name",
  "Owner_Account",
  "CreateTime",
  "MuteAllMember",
  "ShutUpAllMember",
];
/** Per-item codes of get_group_info for a group that does not exist. */
const ABSENT = new Set([10010, 10015]);

interface RoomInfo {
  GroupId?: unknown;
  ErrorCode?: unknown;
  Type?: unknown;
  Name?: unknown;
  Owner_Account?: unknown;
  CreateTime?: unknown;
  MuteAllMember?: unknown;
  ShutUpAllMember?: unknown;
}

/** get_group_info of one live room; null when it does not exist or is not a live group. */
async function readRoom(
  ctx: TencentContext,
  operation: string,
  roomId: string,
  options: CallOptions | undefined,
): Promise<RoomInfo | null> {
  const answer = await call<{ GroupInfo?: RoomInfo[] }>(
    ctx,
    operation,
    "group_open_http_svc/get_group_info",
    { GroupIdList: [roomId], ResponseFilter: { GroupBaseInfoFilter: ROOM_FILTER } },
    options,
    true,
  );
  const info = (answer.GroupInfo ?? []).find((g) => g?.GroupId === roomId);
  const code = num(info?.ErrorCode) ?? 0;
  if (!info || ABSENT.has(code)) return null;
  if (code !== 0) {
    throw new VendorRejectedError("tencent", String(code), "Tencent could not read the live room");
  }
  return info.Type === "AVChatRoom" ? info : null;
}

function notFound(roomId: string): NotFoundError {
  return new NotFoundError(`live room ${roomId} does not exist (no AVChatRoom group by that id)`, {
    vendor: "tencent",
  });
}

/**
 * create_group Type AVChatRoom with the room id as its GroupId, then mute-all and initial
 * attributes when asked (two more calls: Tencent's create takes neither). Tencent wants a
 * name: the room id (cut to 30 bytes) when none is given.
 */
export const createLiveRoom: Op<"createLiveRoom"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, GROUP_ID);
  if (roomId.startsWith(AUTO_GROUP_ID_PREFIX)) {
    throw new BadUserInputError("roomId", `roomId must not start with ${AUTO_GROUP_ID_PREFIX}.`);
  }
  const name =
    input.name === undefined
      ? roomId.slice(0, GROUP_NAME_MAX_BYTES)
      : checkText("name", input.name, { maxBytes: GROUP_NAME_MAX_BYTES });
  const owner =
    input.ownerId === undefined ? undefined : checkIds("ownerId", [input.ownerId], USER_ID)[0];
  if (input.idleLifetimeSeconds !== undefined) {
    checkInt("idleLifetimeSeconds", input.idleLifetimeSeconds, { min: 0 });
    throw new UnsupportedByVendorError(
      "tencent",
      "createLiveRoom",
      "Tencent never destroys an idle live group (AVChatRoom), so there is no idle lifetime to set",
    );
  }
  const attributes =
    input.attributes === undefined
      ? undefined
      : checkGroupAttributes("attributes", input.attributes, GROUP_ATTRIBUTE_RULES);
  if (input.allMuted !== undefined && typeof input.allMuted !== "boolean") {
    throw new BadUserInputError("allMuted", "allMuted must be true or false.");
  }
  await call(
    ctx,
    "createLiveRoom",
    "group_open_http_svc/create_group",
    { Type: "AVChatRoom", GroupId: roomId, Name: name, ...(owner ? { Owner_Account: owner } : {}) },
    options,
    false,
  );
  if (input.allMuted) await setMuteAll(ctx, "createLiveRoom", roomId, true, options);
  if (attributes) await writeAttributes(ctx, "createLiveRoom", roomId, attributes, options);
};

/** destroy_group, after checking the id names a live group (never dismisses a plain group). */
export const destroyLiveRoom: Op<"destroyLiveRoom"> = async (ctx, input, options) => {
  const roomId = checkId("roomId", input?.roomId, GROUP_ID);
  checkActor(input.actorId, USER_ID);
  if (!(await readRoom(ctx, "destroyLiveRoom", roomId, options))) throw notFound(roomId);
  await call(
    ctx,
    "destroyLiveRoom",
    "group_open_http_svc/destroy_group",
    { GroupId: roomId },
    options,
    true,
  );
};

/**
 * get_group_info (no member count for live groups) and get_online_member_num (refreshed
 * every 10 s at Tencent). Tencent never destroys idle groups: idleLifetimeSeconds is null.
 */
export const getLiveRoom: Op<"getLiveRoom"> = async (
  ctx,
  input,
  options,
): Promise<LiveRoom | null> => {
  const roomId = checkId("roomId", input?.roomId, GROUP_ID);
  const info = await readRoom(ctx, "getLiveRoom", roomId, options);
  if (!info) return null;
  const online = await call<{ OnlineMemberNum?: unknown }>(
    ctx,
    "getLiveRoom",
    "group_open_http_svc/get_online_member_num",
    { GroupId: roomId },
    options,
    true,
  );
  const muted = str(info.MuteAllMember) ?? str(info.ShutUpAllMember);
  return {
    id: roomId,
    name: str(info.Name) ?? null,
    ownerId: str(info.Owner_Account) || null,
    createdAt: fromUnixSeconds(info.CreateTime),
    memberCount: num(online.OnlineMemberNum) ?? null,
    allMuted: muted === undefined ? null : muted === "On",
    idleLifetimeSeconds: null,
  };
};
