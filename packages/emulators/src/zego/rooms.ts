/**
 * ZIM room membership, shared by the room Actions and the control API's simulated client
 * login: entering / leaving fires `room_enter` / `room_exit` (zego.md §5.3).
 */
import { getOrCreate } from "../framework/index.js";
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
  };
}

/** A client joins (creating the room if needed, as the SDK's enterRoom does). */
export function enterRoom(
  app: AppState,
  cb: ZegoCallbacks,
  roomId: string,
  userId: string,
  now: number,
): void {
  const room = getOrCreate(app.zimRooms, roomId, () => {
    cb.send(app, "room_create", {
      room_id: roomId,
      operator_account: userId,
      room_name: "",
      attributes: [],
    });
    return newRoom(roomId, now, false);
  });
  if (room.members.has(userId)) return;
  room.members.set(userId, now);
  cb.send(app, "room_enter", { room_id: roomId, operator_account: userId });
}

/**
 * Users leave; a client-made room disappears with its last user (the destroy delay is not
 * simulated), a CreateRoom room stays until DestroyRoom.
 */
export function exitRoom(
  app: AppState,
  cb: ZegoCallbacks,
  room: ZimRoom,
  userIds: string[],
  exitType: "Quit" | "Kickout",
  operator: string,
): string[] {
  const left = userIds.filter((id) => room.members.delete(id));
  if (left.length === 0) return left;
  cb.send(app, "room_exit", {
    room_id: room.roomId,
    operator_account: operator,
    exit_type: exitType,
    exit_user_ids: left,
  });
  if (room.members.size === 0 && !room.explicit) destroyRoom(app, cb, room, operator);
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
