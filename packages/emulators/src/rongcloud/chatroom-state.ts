/**
 * Chatroom life and restrictions shared by the routes and the simulated clients (#17 §2):
 * joins, leaves and destruction with their status callbacks, and timed blocks and gags.
 */
import { ControlError, getOrCreate } from "../framework/index.js";
import type { ChatroomStatusEvent, RongCloudCallbacks } from "./callbacks.js";
import type { AppState, Chatroom } from "./state.js";

export function newChatroom(id: string, name: string, now: number): Chatroom {
  return {
    id,
    name,
    createdAt: now,
    destroyType: 0,
    destroyTime: 60,
    ban: false,
    whiteUserIds: [],
    members: new Map(),
    lastActivity: now,
    entries: new Map(),
    userWhitelist: new Set(),
  };
}

const event = (
  chatRoomId: string,
  type: ChatroomStatusEvent["type"],
  status: ChatroomStatusEvent["status"],
  userIds: string[],
  time: number,
): ChatroomStatusEvent => ({ chatRoomId, userIds, status, type, time });

/** A room made by the server (create_new, legacy create): type 0 status 0. */
export function addChatroom(
  app: AppState,
  room: Chatroom,
  now: number,
  callbacks: RongCloudCallbacks | undefined,
): void {
  app.chatrooms.set(room.id, room);
  callbacks?.chatroomStatus(app, [event(room.id, 0, 0, [], now)]);
}

/**
 * Destroys a room: its members are out, its KV, mute-all, whitelists, blocks, gags and
 * keep-alive are gone (§2.2; what survives is unverified, §U8). `status` 0 by the API, 3 auto.
 */
export function destroyChatroom(
  app: AppState,
  id: string,
  status: 0 | 3,
  now: number,
  callbacks: RongCloudCallbacks | undefined,
): void {
  if (!app.chatrooms.delete(id)) return;
  app.chatroomBlocks.delete(id);
  app.chatroomGags.delete(id);
  app.chatroomKeepAlive.delete(id);
  callbacks?.chatroomStatus(app, [event(id, 3, status, [], now)]);
}

/** Rooms past their destroy time: fixed-time ones, or idle ones not kept alive. */
export function sweepChatrooms(app: AppState, now: number, callbacks?: RongCloudCallbacks): void {
  for (const [id, room] of app.chatrooms) {
    const ttl = room.destroyTime * 60_000;
    const expired =
      room.destroyType === 1
        ? room.createdAt + ttl <= now
        : !app.chatroomKeepAlive.has(id) &&
          room.members.size === 0 &&
          room.lastActivity + ttl <= now;
    if (expired) destroyChatroom(app, id, 3, now, callbacks);
  }
}

/** The users of a block or gag list whose restriction has not ended, with its end (ms). */
export function activeUntil(
  lists: Map<string, Map<string, number>>,
  chatroomId: string,
  now: number,
): Map<string, number> {
  const list = lists.get(chatroomId);
  if (!list) return new Map();
  for (const [userId, until] of list) if (until <= now) list.delete(userId);
  return list;
}

/** A client enters a room (created if absent, like the client's joinChatRoom); 23409 when blocked. */
export function joinChatroom(
  app: AppState,
  chatroomId: string,
  userId: string,
  now: number,
  callbacks?: RongCloudCallbacks,
): Chatroom {
  if (activeUntil(app.chatroomBlocks, chatroomId, now).has(userId))
    throw new ControlError(403, "user is blocked from this chatroom (client code 23409)");
  let room = app.chatrooms.get(chatroomId);
  if (!room) {
    room = newChatroom(chatroomId, chatroomId, now);
    addChatroom(app, room, now, callbacks);
  }
  if (!room.members.has(userId)) {
    room.members.set(userId, now);
    callbacks?.chatroomStatus(app, [event(chatroomId, 1, 0, [userId], now)]);
  }
  room.lastActivity = now;
  return room;
}

/** Users leave a room: `status` 0 they quit, 1 auto-exited (offline), 2 blocked. */
export function leaveChatroom(
  app: AppState,
  chatroomId: string,
  userIds: string[],
  status: 0 | 1 | 2,
  now: number,
  callbacks?: RongCloudCallbacks,
): void {
  const room = app.chatrooms.get(chatroomId);
  if (!room) return;
  const left = userIds.filter((u) => room.members.delete(u));
  if (left.length === 0) return;
  room.lastActivity = now;
  callbacks?.chatroomStatus(app, [event(chatroomId, 2, status, left, now)]);
}

/** Sets a timed restriction for users of a room (ms until). */
export function restrict(
  lists: Map<string, Map<string, number>>,
  chatroomId: string,
  userIds: string[],
  until: number,
): void {
  const list = getOrCreate(lists, chatroomId, () => new Map<string, number>());
  for (const u of userIds) list.set(u, until);
}

/** A chatroom as the control API shows it: what RongCloud's API cannot read back. */
export interface ChatroomView {
  members: string[];
  keptAlive: boolean;
  /** Messages delivered into the room (publish and chatroom broadcast), oldest first. */
  messages: { fromUserId: string; objectName: string; content: string; sentTime: number }[];
}

export function chatroomView(app: AppState, chatroomId: string): ChatroomView | null {
  const room = app.chatrooms.get(chatroomId);
  if (!room) return null;
  const published = [...app.messages.values()].filter(
    (m) => m.conversationType === 4 && m.targetId === chatroomId,
  );
  const broadcast = [...app.broadcasts.values()].filter(
    (b) => b.kind === "chatrooms" && b.recipients.includes(chatroomId),
  );
  const messages = [...published, ...broadcast]
    .map(({ fromUserId, objectName, content, sentTime }) => ({
      fromUserId,
      objectName,
      content,
      sentTime,
    }))
    .sort((a, b) => a.sentTime - b.sentTime);
  return {
    members: [...room.members.keys()],
    keptAlive: app.chatroomKeepAlive.has(chatroomId),
    messages,
  };
}
