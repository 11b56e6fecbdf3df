/**
 * ZIM room membership, shared by the room Actions and the control API's simulated client
 * login: entering / leaving fires `room_enter` / `room_exit` (zego.md §5.3, #17 §E1).
 * An empty room lives on for its DestroyDelayTime, then goes (#17 §L2, §U12).
 */
import type { ZegoCallbacks } from "./callbacks.js";
import type { AppState, ZimRoom } from "./state.js";

export function newRoom(
  roomId: string,
  now: number,
  explicit: boolean,
  name = "",
  destroyDelay = 0,
): ZimRoom {
  return {
    roomId,
    name,
    createdAt: now,
    explicit,
    attributes: new Map(),
    attributeSeq: 0,
    destroyDelay,
    members: new Map(),
    messages: [],
  };
}

/**
 * The room, unless its destroy delay ran out while it was empty: it is destroyed then
 * (lazily, on the next look), with no operator and no users (#17 §U18).
 */
export function liveRoom(
  app: AppState,
  cb: ZegoCallbacks,
  roomId: string,
  now: number,
): ZimRoom | undefined {
  const room = app.zimRooms.get(roomId);
  if (room?.emptySince === undefined) return room;
  if (now < room.emptySince + room.destroyDelay * 1000) return room;
  destroyRoom(app, cb, room, "");
  return undefined;
}

/** A client joins (creating the room if needed, as the SDK's enterRoom does). */
export function enterRoom(
  app: AppState,
  cb: ZegoCallbacks,
  roomId: string,
  userId: string,
  now: number,
): void {
  let room = liveRoom(app, cb, roomId, now);
  if (!room) {
    cb.send(app, "room_create", {
      room_id: roomId,
      operator_account: userId,
      room_name: "",
      attributes: [],
    });
    room = newRoom(roomId, now, false);
    app.zimRooms.set(roomId, room);
  }
  if (room.members.has(userId)) return;
  delete room.emptySince;
  room.members.set(userId, now);
  cb.send(app, "room_enter", { room_id: roomId, operator_account: userId });
}

/**
 * Users leave; their AutoDelete attributes go with them. An emptied room is destroyed at
 * once without a destroy delay, else it waits the delay out (the actor of the last leave
 * is the destroyer of an immediate destruction).
 */
export function exitRoom(
  app: AppState,
  cb: ZegoCallbacks,
  room: ZimRoom,
  userIds: string[],
  exitType: "Quit" | "Kickout",
  operator: string,
  now: number,
): string[] {
  const left = userIds.filter((id) => room.members.delete(id));
  if (left.length === 0) return left;
  for (const [key, attr] of room.attributes) {
    if (attr.autoDelete && left.includes(attr.owner)) {
      room.attributes.delete(key);
      room.attributeSeq += 1;
    }
  }
  cb.send(app, "room_exit", {
    room_id: room.roomId,
    operator_account: operator,
    exit_type: exitType,
    exit_user_ids: left,
  });
  if (room.members.size > 0) return left;
  if (room.destroyDelay === 0) destroyRoom(app, cb, room, operator);
  else room.emptySince = now;
  return left;
}

export function destroyRoom(
  app: AppState,
  cb: ZegoCallbacks,
  room: ZimRoom,
  operator: string,
): void {
  const userIds = [...room.members.keys()];
  room.members.clear();
  app.zimRooms.delete(room.roomId);
  app.roomConvs.delete(room.roomId);
  cb.send(app, "room_destroy", {
    room_id: room.roomId,
    operator_account: operator,
    user_ids: userIds,
  });
}
