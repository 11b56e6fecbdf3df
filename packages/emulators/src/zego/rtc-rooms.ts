/**
 * RTC room membership for simulated clients (zego.md §4): a room exists while it has users.
 * Callbacks room_create / room_login / room_logout / room_close / stream_create /
 * stream_close; their field names are not in the reference (unverified): snake_case like
 * the ZIM events.
 */
import { getOrCreate } from "../framework/index.js";
import type { ZegoCallbacks } from "./callbacks.js";
import type { AppState, RtcRoom, RtcStream } from "./state.js";

export function rtcLogin(
  app: AppState,
  cb: ZegoCallbacks,
  input: { roomId: string; userId: string; userName: string; role: number; now: number },
): RtcRoom {
  const room = getOrCreate(app.rtcRooms, input.roomId, () => {
    // RTC's Room Created (real-time-video-server/callback/room/created): room_session_id,
    // room_create_time (ms, a string), id_name (the creator); a timestamp in seconds, unlike
    // ZIM's event of that name (callbacks.ts).
    cb.send(
      app,
      "room_create",
      {
        room_id: input.roomId,
        room_session_id: `${input.roomId}-${input.now}`,
        room_create_time: String(input.now),
        id_name: input.userId,
      },
      "rtc",
    );
    return { roomId: input.roomId, createdAt: input.now, users: new Map(), streams: new Map() };
  });
  if (room.users.has(input.userId)) return room;
  room.users.set(input.userId, {
    userId: input.userId,
    userName: input.userName,
    role: input.role,
    loginTime: input.now,
  });
  cb.send(app, "room_login", {
    room_id: input.roomId,
    user_account: input.userId,
    user_nickname: input.userName,
    user_role: input.role,
    login_time: input.now,
  });
  return room;
}

/** Users leave (logout, kick); the room disappears with its last user. */
export function rtcLogout(
  app: AppState,
  cb: ZegoCallbacks,
  room: RtcRoom,
  userIds: string[],
  reason: "logout" | "kickout",
  now: number,
): string[] {
  const left = userIds.filter((id) => room.users.delete(id));
  for (const id of left) {
    for (const s of [...room.streams.values()]) {
      if (s.userId === id) closeStream(app, cb, room, s, now);
    }
    cb.send(app, "room_logout", {
      room_id: room.roomId,
      user_account: id,
      reason,
      logout_time: now,
    });
  }
  if (room.users.size === 0) app.rtcRooms.delete(room.roomId);
  return left;
}

export function addStream(
  app: AppState,
  cb: ZegoCallbacks,
  room: RtcRoom,
  s: Omit<RtcStream, "streamNumberId" | "createTime">,
  now: number,
): RtcStream {
  const stream: RtcStream = { ...s, createTime: now, streamNumberId: app.nextStreamNumber() };
  room.streams.set(s.streamId, stream);
  cb.send(app, "stream_create", {
    room_id: room.roomId,
    stream_id: s.streamId,
    user_id: s.userId,
    user_name: s.userName,
    create_time: now,
  });
  return stream;
}

export function closeStream(
  app: AppState,
  cb: ZegoCallbacks,
  room: RtcRoom,
  s: RtcStream,
  now: number,
): void {
  room.streams.delete(s.streamId);
  cb.send(app, "stream_close", {
    room_id: room.roomId,
    stream_id: s.streamId,
    user_id: s.userId,
    close_time: now,
  });
}
