/** ZIM room Actions (zego.md §2.5). */
import { ZegoError, ZIM } from "../errors.js";
import { roomIdParam } from "../ids.js";
import { destroyRoom, exitRoom, liveRoom, newRoom } from "../rooms.js";
import {
  cursorText,
  type ItemError,
  partial,
  zimRoom as room,
  sender,
  userIdList,
} from "./common.js";
import { ROOM_ATTRIBUTES_MAX, readAttributes } from "./room-attributes.js";
import { type ActionContext, type ActionTable, perSecond, zimAction } from "./types.js";

/** FromUserId is optional on some room Actions: checked only when given. */
function optionalOperator(ctx: ActionContext): string {
  return ctx.p.has("FromUserId") ? sender(ctx).userId : "";
}

export const roomActions: ActionTable = {
  CreateRoom: zimAction("POST", (ctx) => {
    const op = sender(ctx); // not auto-joined
    const roomId = roomIdParam(ctx.p);
    const name = ctx.p.optStr("RoomName", { maxBytes: 64 }) ?? "";
    const delay = ctx.p.optInt("DestroyDelayTime", { min: 0, max: 10_800 }) ?? 0;
    const attrs = ctx.p.objList("Attributes", { max: ROOM_ATTRIBUTES_MAX });
    if (liveRoom(ctx.app, ctx.callbacks, roomId, ctx.now))
      throw new ZegoError(ZIM.roomExists, `room ${roomId} already exists`);
    if (ctx.app.zimRooms.size >= ctx.app.config.roomLimit)
      throw new ZegoError(ZIM.roomLimit, "room count over limit");
    const r = newRoom(roomId, ctx.now, true, name, delay);
    readAttributes(r, attrs, op.userId);
    ctx.app.zimRooms.set(roomId, r);
    ctx.callbacks.send(ctx.app, "room_create", {
      room_id: roomId,
      operator_account: op.userId,
      room_name: name,
      attributes: [...r.attributes].map(([key, v]) => ({
        key,
        value: v.value,
        auto_delete: v.autoDelete ? 1 : 0,
      })),
    });
    return { AttributeSeq: r.attributeSeq };
  }),

  DestroyRoom: zimAction("GET", (ctx) => {
    const roomId = roomIdParam(ctx.p);
    const op = optionalOperator(ctx);
    destroyRoom(ctx.app, ctx.callbacks, room(ctx, roomId), op);
    return undefined;
  }),

  QueryRoomUserList: zimAction("GET", (ctx) => {
    const r = room(ctx, roomIdParam(ctx.p));
    if (r.emptySince !== undefined)
      throw new ZegoError(ZIM.roomEmpty, "the room is empty, in its destroy delay");
    const mode = ctx.p.optInt("Mode", { min: 0, max: 1 }) ?? 0;
    const asked = ctx.p.optInt("Limit", { min: 0, max: 500 }) ?? 0;
    const limit = asked === 0 ? 500 : asked;
    const start = cursorText(ctx.p, "NextFlag");
    const ids = [...r.members.keys()];
    if (mode === 1) ids.reverse(); // 1 = latest joiners first
    const page = ids.slice(start, start + limit);
    const end = start + page.length;
    return {
      Count: ids.length,
      NextFlag: end < ids.length ? String(end) : "0",
      UserList: page.map((id) => ({
        UserId: id,
        UserName: ctx.app.users.get(id)?.userName ?? "",
      })),
    };
  }),

  QueryRoomMembers: zimAction("GET", (ctx) => {
    const roomId = roomIdParam(ctx.p);
    const ids = userIdList(ctx.p, "UserId", 10);
    ctx.limit(roomId, perSecond(5), ZIM.scopeRate); // 5/s per room (§1.10)
    const r = room(ctx, roomId);
    const UserList: Record<string, unknown>[] = [];
    const ErrorList: ItemError[] = [];
    for (const id of ids) {
      const u = ctx.app.users.get(id);
      if (!r.members.has(id) || !u) ErrorList.push({ UserId: id, SubCode: ZIM.roomUserNotIn });
      // snake_case here, as documented.
      else UserList.push({ user_id: id, user_name: u.userName, avatar: u.avatar, extra: u.extra });
    }
    return partial(UserList.length, ErrorList, "ErrorList", { UserList });
  }),

  KickoutRoomUser: zimAction("GET", (ctx) => {
    const roomId = roomIdParam(ctx.p);
    const ids = userIdList(ctx.p, "UserId", 50);
    ctx.p.optStr("CustomReason", { maxBytes: 32 });
    const op = optionalOperator(ctx);
    const r = room(ctx, roomId);
    const missing = ids.filter((id) => !r.members.has(id));
    const left = exitRoom(ctx.app, ctx.callbacks, r, ids, "Kickout", op, ctx.now);
    const ErrorList = missing.map((id) => ({ UserId: id, SubCode: ZIM.userNotInRoom }));
    return partial(left.length, ErrorList, "ErrorList", {}, ZIM.userNotInRoom);
  }),
};
