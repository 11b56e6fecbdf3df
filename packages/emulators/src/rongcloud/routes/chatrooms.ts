/**
 * Chatrooms (§2.4). Membership comes from simulated clients (control API login with a
 * chatroomId). Rooms are destroyed lazily by the clock: destroyType 1 at createTime +
 * destroyTime; destroyType 0 after destroyTime minutes with no members and no messages.
 */

import { missing, RcError } from "../errors.js";
import { formatTime } from "../ids.js";
import { checkString, ID_RULE, NAME_RULE, REF_RULE } from "../params.js";
import type { RouteContext, RouteDef, RouteTable } from "../route.js";
import { newChatroom } from "../sessions.js";
import type { AppState, Chatroom } from "../state.js";

export function sweepChatrooms(app: AppState, now: number): void {
  for (const [id, room] of app.chatrooms) {
    const ttl = room.destroyTime * 60_000;
    const expired =
      room.destroyType === 1
        ? room.createdAt + ttl <= now
        : room.members.size === 0 && room.lastActivity + ttl <= now;
    if (expired) app.chatrooms.delete(id);
  }
}

/** Every chatroom route sees rooms as of its own time. */
const swept = (def: RouteDef): RouteDef => ({
  ...def,
  handle(ctx: RouteContext) {
    sweepChatrooms(ctx.app, ctx.now);
    return def.handle(ctx);
  },
});

function existing(app: AppState, chatroomId: string): Chatroom {
  const room = app.chatrooms.get(chatroomId);
  // Unknown room: a parameter error (exact code unverified).
  if (!room) throw new RcError(400, 1002, `chatroomId does not exist: ${chatroomId}`);
  return room;
}

export const chatroomRoutes: RouteTable = {
  "/chatroom/create_new.json": swept({
    handle({ app, p, now }) {
      const chatroomId = p.required("chatroomId", ID_RULE);
      const destroyType = p.oneOf("destroyType", [0, 1] as const, 0);
      const destroyTime = p.int("destroyTime", { min: 60, max: 10080 }) ?? 60;
      const ban = p.bool("isBan", false);
      const whiteUserIds = p.list("whiteUserIds", { max: 20, ...REF_RULE });
      p.optional("entryOwnerId", REF_RULE);
      p.jsonObject("entryInfo");
      // Creating an existing room keeps it as it is (idempotent; unverified).
      if (!app.chatrooms.has(chatroomId)) {
        app.chatrooms.set(chatroomId, {
          ...newChatroom(chatroomId, chatroomId, now),
          destroyType,
          destroyTime,
          ban,
          whiteUserIds,
        });
      }
      return undefined;
    },
  }),

  "/chatroom/create.json": swept({
    handle({ app, p, now }) {
      const rooms = p.bracketed("chatroom");
      if (rooms.length === 0) throw missing("chatroom[<id>]");
      for (const [id, name] of rooms) {
        checkString("chatroom id", id, ID_RULE);
        checkString(`chatroom[${id}]`, name, NAME_RULE);
      }
      for (const [id, name] of rooms) {
        const room = app.chatrooms.get(id);
        if (room) room.name = name;
        else app.chatrooms.set(id, newChatroom(id, name, now));
      }
      return undefined;
    },
  }),

  "/chatroom/destroy.json": swept({
    handle({ app, p }) {
      for (const id of p.list("chatroomId", { required: true, ...REF_RULE }))
        app.chatrooms.delete(id);
      return undefined;
    },
  }),

  "/chatroom/get.json": swept({
    handle({ app, p }) {
      const room = existing(app, p.required("chatroomId", REF_RULE));
      return {
        chatroomId: room.id,
        createTime: room.createdAt, // epoch ms (unit unverified)
        memberCount: room.members.size,
        destroyType: room.destroyType,
        destroyTime: room.destroyTime,
        ban: room.ban,
      };
    },
  }),

  "/chatroom/query.json": swept({
    handle({ app, p }) {
      const ids = p.list("chatroomId", { required: true, ...REF_RULE });
      return {
        chatRooms: ids.flatMap((id) => {
          const room = app.chatrooms.get(id);
          return room
            ? [
                {
                  chrmId: room.id,
                  name: room.name,
                  time: formatTime(room.createdAt, app.config.tzOffsetMs),
                },
              ]
            : [];
        }),
      };
    },
  }),

  "/chatroom/user/query.json": swept({
    handle({ app, p }) {
      const chatroomId = p.required("chatroomId", REF_RULE);
      const count = p.int("count", { required: true, min: 1, max: 500 });
      const order = p.oneOf("order", [1, 2] as const);
      const members = [...(app.chatrooms.get(chatroomId)?.members ?? [])].sort((a, b) =>
        order === 1 ? a[1] - b[1] : b[1] - a[1],
      );
      return {
        total: members.length,
        users: members
          .slice(0, count)
          .map(([id, t]) => ({ id, time: formatTime(t, app.config.tzOffsetMs) })),
      };
    },
  }),

  "/chatroom/user/exist.json": swept({
    handle({ app, p }) {
      const room = app.chatrooms.get(p.required("chatroomId", REF_RULE));
      const userId = p.required("userId", REF_RULE);
      return { isInChrm: room?.members.has(userId) ?? false };
    },
  }),

  "/chatroom/users/exist.json": swept({
    handle({ app, p }) {
      const room = app.chatrooms.get(p.required("chatroomId", REF_RULE));
      const userIds = p.list("userId", { required: true, max: 1000, ...REF_RULE });
      // Per-user results; the field name `result` is unverified.
      return {
        result: userIds.map((userId) => ({ userId, isInChrm: room?.members.has(userId) ?? false })),
      };
    },
  }),
};
