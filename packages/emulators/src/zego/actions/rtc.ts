/**
 * RTC room Actions (zego.md §4), all GET, results under `Data`. Codes: 2 bad parameter,
 * 3 too long, 50011 user list too long, 50012 message too long, 1008 empty content,
 * 206 app QPS, 207 room QPS.
 */
import type { RateRule } from "../../framework/index.js";
import { RTC, ZegoError } from "../errors.js";
import { bytes, type Params } from "../params.js";
import { addStream, closeStream, rtcLogout } from "../rtc-rooms.js";
import { type ActionContext, type ActionDef, type ActionTable, perSecond } from "./types.js";

/** An RTC Action: all are GET, limited to `qps` calls per second per app (code 206). */
function rtcAction(qps: number, handle: ActionDef["handle"]): ActionDef {
  return {
    product: "rtc",
    method: "GET",
    rate: { rules: perSecond(qps), code: RTC.appRate },
    handle,
  };
}

function content(p: Params): string {
  const text = p.optStr("MessageContent") ?? "";
  if (text === "") throw new ZegoError(RTC.emptyContent, "MessageContent is empty");
  if (bytes(text) > 1024)
    throw new ZegoError(RTC.msgTooLong, "MessageContent is longer than 1024 bytes");
  return text;
}

function roomMessage(kind: "broadcast" | "barrage"): ActionDef {
  return rtcAction(100, (ctx) => {
    const roomId = ctx.p.str("RoomId");
    const from = ctx.p.str("UserId");
    ctx.p.optStr("UserName");
    ctx.p.int("MessageCategory", { min: 1, max: 2 }); // 1 system, 2 chat
    const text = content(ctx.p);
    const room = ctx.app.rtcRooms.get(roomId);
    // Room missing: 104 (one of the documented "room missing" codes; which one is unverified).
    if (!room) throw new ZegoError(RTC.roomMissing, `room ${roomId} does not exist`);
    const n = ctx.app.signals.length + 1;
    const messageId = kind === "broadcast" ? ctx.app.nextMsgId() : `1_${ctx.now}_${n}`;
    ctx.app.signals.push({
      kind,
      roomId,
      from,
      // The sending UserId does not receive its own message and need not be in the room.
      to: [...room.users.keys()].filter((id) => id !== from),
      content: text,
      messageId: String(messageId),
      time: ctx.now,
    });
    return { MessageId: messageId };
  });
}

function roomLimit(ctx: ActionContext, roomId: string, rules: RateRule[]): void {
  ctx.limit(roomId, rules, RTC.roomRate);
}

export const rtcActions: ActionTable = {
  DescribeUserNum: rtcAction(10, (ctx) => {
    const ids = ctx.p.strList("RoomId", { required: true, max: 10 });
    return {
      UserCountList: ids.map((id) => {
        const users = [...(ctx.app.rtcRooms.get(id)?.users.values() ?? [])];
        return {
          RoomId: id,
          UserCount: users.length,
          AdminUserCount: users.filter((u) => u.role === 4).length,
        };
      }),
    };
  }),

  DescribeUserList: rtcAction(200, (ctx) => {
    const roomId = ctx.p.str("RoomId");
    const mode = ctx.p.optInt("Mode", { min: 0, max: 1 }) ?? 0;
    const asked = ctx.p.optInt("Limit", { min: 0, max: 200 }) ?? 0;
    const limit = asked === 0 ? 200 : asked;
    const marker = ctx.p.optStr("Marker") ?? "";
    if (marker !== "" && !/^[0-9]{1,9}$/.test(marker))
      throw ctx.p.fail("Marker is not from a previous page");
    roomLimit(ctx, roomId, [{ limit: 1, window: "second" }]);
    // Missing room → empty list. Mode 0 oldest login first, 1 newest first.
    const users = [...(ctx.app.rtcRooms.get(roomId)?.users.values() ?? [])].sort(
      (a, b) => a.loginTime - b.loginTime,
    );
    if (mode === 1) users.reverse();
    const start = marker === "" ? 0 : Number(marker);
    const page = users.slice(start, start + limit);
    const end = start + page.length;
    return {
      Marker: end < users.length ? String(end) : "",
      UserList: page.map((u) => ({ UserId: u.userId, UserName: u.userName, UserRole: u.role })),
    };
  }),

  DescribeUsers: rtcAction(10, (ctx) => {
    const roomId = ctx.p.str("RoomId");
    const ids = ctx.p.strList("UserId", { required: true, max: 10 });
    const room = ctx.app.rtcRooms.get(roomId);
    return {
      UserStatusList: ids.map((id) => {
        const u = room?.users.get(id);
        return u
          ? { UserId: id, Status: 1, LoginTime: u.loginTime, UserRole: u.role }
          : { UserId: id, Status: 0, LoginTime: 0, UserRole: 0 };
      }),
    };
  }),

  KickoutUser: rtcAction(50, (ctx) => {
    const roomId = ctx.p.str("RoomId");
    const ids = ctx.p.strList("UserId", {
      required: true,
      max: 5,
      tooManyCode: RTC.tooManyUsers,
    });
    ctx.p.optStr("CustomReason", { maxBytes: 256 });
    // Users (or a room) that are not there: nothing to do, success (no code documented).
    const room = ctx.app.rtcRooms.get(roomId);
    if (room) rtcLogout(ctx.app, ctx.callbacks, room, ids, "kickout", ctx.now);
    return undefined;
  }),

  SendCustomCommand: rtcAction(100, (ctx) => {
    const roomId = ctx.p.str("RoomId");
    const from = ctx.p.str("FromUserId");
    const to = ctx.p.strList("ToUserId", { max: 10, tooManyCode: RTC.tooManyUsers });
    const text = content(ctx.p);
    const room = ctx.app.rtcRooms.get(roomId);
    // Room missing: 50001 (unverified which room-missing code this Action uses).
    if (!room) throw new ZegoError(RTC.customRoomMissing, `room ${roomId} does not exist`);
    const targets = to.length > 0 ? to : [...room.users.keys()].filter((id) => id !== from);
    const delivered = targets.filter((id) => room.users.has(id));
    ctx.app.signals.push({
      kind: "custom-command",
      roomId,
      from,
      to: delivered,
      content: text,
      messageId: String(ctx.app.nextMsgId()),
      time: ctx.now,
    });
    return {
      FailUsers: targets
        .filter((id) => !room.users.has(id))
        .map((Uid) => ({ Uid, Code: RTC.offline })),
    };
  }),

  AddStream: rtcAction(10, (ctx) => {
    const roomId = ctx.p.str("RoomId");
    const userId = ctx.p.str("UserId");
    const userName = ctx.p.optStr("UserName") ?? "";
    const streamId = ctx.p.str("StreamId", { maxBytes: 256 });
    const title = ctx.p.optStr("StreamTitle", { maxBytes: 127 }) ?? "";
    const extraInfo = ctx.p.optStr("ExtraInfo", { maxBytes: 1024 }) ?? "";
    ctx.p.optInt("CensorFlag");
    const room = ctx.app.rtcRooms.get(roomId);
    // A stream needs a live room (104, unverified: the reference lists no code for this).
    if (!room) throw new ZegoError(RTC.roomMissing, `room ${roomId} does not exist`);
    const existing = room.streams.get(streamId);
    if (existing && existing.userId !== userId) {
      throw new ZegoError(RTC.streamContention, `stream ${streamId} belongs to another user`);
    }
    if (existing) closeStream(ctx.app, ctx.callbacks, room, existing, ctx.now);
    addStream(
      ctx.app,
      ctx.callbacks,
      room,
      { streamId, userId, userName, title, extraInfo },
      ctx.now,
    );
    return undefined;
  }),

  DeleteStream: rtcAction(10, (ctx) => {
    const roomId = ctx.p.str("RoomId");
    ctx.p.str("UserId");
    ctx.p.optStr("UserName");
    const streamId = ctx.p.str("StreamId", { maxBytes: 256 });
    const room = ctx.app.rtcRooms.get(roomId);
    if (!room) throw new ZegoError(RTC.roomMissing, `room ${roomId} does not exist`);
    const stream = room.streams.get(streamId);
    if (!stream) throw new ZegoError(RTC.streamMissing, `stream ${streamId} does not exist`);
    closeStream(ctx.app, ctx.callbacks, room, stream, ctx.now);
    return undefined;
  }),

  DescribeSimpleStreamList: rtcAction(50, (ctx) => {
    const roomId = ctx.p.str("RoomId");
    ctx.throttle(roomId, 10_000, RTC.roomRate); // 1 call per 10 s per room
    // Missing room → empty list, as DescribeUserList does.
    const streams = [...(ctx.app.rtcRooms.get(roomId)?.streams.values() ?? [])];
    return {
      StreamList: streams.map((s) => ({
        StreamId: s.streamId,
        UserId: s.userId,
        UserName: s.userName,
        CreateTime: s.createTime,
        StreamNumberId: s.streamNumberId,
      })),
    };
  }),

  SendBroadcastMessage: roomMessage("broadcast"),
  SendBarrageMessage: roomMessage("barrage"),

  CloseRoom: rtcAction(1, (ctx) => {
    const roomId = ctx.p.str("RoomId");
    const reason = ctx.p.optStr("CustomReason", { maxBytes: 256 }) ?? "";
    // Opt-in flag (default false; unverified).
    const notify = ctx.p.optBool("RoomCloseCallback") ?? false;
    const room = ctx.app.rtcRooms.get(roomId);
    if (!room) throw new ZegoError(RTC.closeRoomMissing, `room ${roomId} does not exist`);
    for (const s of [...room.streams.values()])
      closeStream(ctx.app, ctx.callbacks, room, s, ctx.now);
    room.users.clear();
    ctx.app.rtcRooms.delete(roomId);
    if (notify)
      ctx.callbacks.send(ctx.app, "room_close", {
        room_id: roomId,
        close_reason: reason,
        close_time: ctx.now,
      });
    return undefined;
  }),
};
