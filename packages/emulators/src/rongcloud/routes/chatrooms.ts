/**
 * Chatrooms (#17 §2.1–2.4). Membership comes from simulated clients (control API login with
 * a chatroomId). Rooms are destroyed lazily by the clock: destroyType 1 at createTime +
 * destroyTime; destroyType 0 after destroyTime minutes with no members and no messages
 * (unless kept alive). Moderation, KV and keep-alive are in their own files.
 */

import { addChatroom, destroyChatroom, newChatroom } from "../chatroom-state.js";
import { missing, notEnabled, RcError } from "../errors.js";
import { formatTime } from "../ids.js";
import { checkString, ID_RULE, NAME_RULE, REF_RULE } from "../params.js";
import type { RouteTable } from "../route.js";
import { existing, swept } from "./chatroom-common.js";
import { readEntries } from "./chatroom-entries.js";

export const chatroomRoutes: RouteTable = {
  "/chatroom/create_new.json": swept({
    handle({ app, p, now, callbacks }) {
      const chatroomId = p.required("chatroomId", ID_RULE);
      const destroyType = p.oneOf("destroyType", [0, 1] as const, 0);
      // 10800 is the doc's figure, 10080 (7 days) the SDK's: the tolerant bound (§U7).
      const destroyTime = p.int("destroyTime", { min: 60, max: 10800 }) ?? 60;
      const ban = p.bool("isBan", false);
      const whiteUserIds = p.list("whiteUserIds", { max: 20, ...REF_RULE });
      const owner = p.optional("entryOwnerId", REF_RULE);
      const info = p.jsonObject("entryInfo");
      if (info && !app.config.features.chatroomKv) throw notEnabled("chatroomKv");
      if (info && !owner) throw missing("entryOwnerId");
      const entries = info ? readEntries(info, owner ?? "", now) : new Map();
      // Creating an existing room keeps it as it is (idempotent; unverified).
      if (!app.chatrooms.has(chatroomId)) {
        const room = newChatroom(chatroomId, chatroomId, now);
        Object.assign(room, { destroyType, destroyTime, ban, whiteUserIds, entries });
        addChatroom(app, room, now, callbacks);
      }
      return undefined;
    },
  }),

  "/chatroom/create.json": swept({
    handle({ app, p, now, callbacks }) {
      const rooms = p.bracketed("chatroom");
      if (rooms.length === 0) throw missing("chatroom[<id>]");
      if (rooms.length > 100)
        throw new RcError(400, 1002, "chatroom has too many values (max 100)");
      for (const [id, name] of rooms) {
        checkString("chatroom id", id, ID_RULE);
        checkString(`chatroom[${id}]`, name, NAME_RULE);
      }
      for (const [id, name] of rooms) {
        const room = app.chatrooms.get(id);
        if (room) room.name = name;
        else addChatroom(app, newChatroom(id, name, now), now, callbacks);
      }
      return undefined;
    },
  }),

  "/chatroom/destroy.json": swept({
    handle({ app, p, now, callbacks }) {
      for (const id of p.list("chatroomId", { required: true, ...REF_RULE }))
        destroyChatroom(app, id, 0, now, callbacks);
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

  "/chatroom/destroy/set.json": swept({
    handle({ app, p }) {
      const room = existing(app, p.required("chatroomId", REF_RULE));
      room.destroyType = p.oneOf("destroyType", [0, 1] as const, room.destroyType);
      room.destroyTime = p.int("destroyTime", { min: 60, max: 10800 }) ?? room.destroyTime;
      return undefined;
    },
  }),

  "/chatroom/query.json": swept({
    handle({ app, p }) {
      const ids = p.list("chatroomId", { required: true, max: 20, ...REF_RULE });
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
      // The batch answers 0/1 (the SDKs' int type), the single call a bool (§U10).
      return {
        result: userIds.map((userId) => ({ userId, isInChrm: room?.members.has(userId) ? 1 : 0 })),
      };
    },
  }),
};
