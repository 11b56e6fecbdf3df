/**
 * ZIM room callbacks (#17 §E1) → live room events: room_create, room_destroy, room_enter,
 * room_exit (exit_type Quit = left, Kickout = removed). Pure.
 */
import {
  BadUserInputError,
  type CallbackEvents,
  type CallbackFields,
  callbackId,
  callbackList,
  type ImEvent,
  LIVE_ROOM_CALLBACK_EVENTS,
  type LiveRoomLeaveReason,
} from "@imgraph/core";

/** What ZIM's callbacks report of the changes imgraph makes: its live rooms' (module.ts). */
export const ZEGO_CALLBACK_EVENTS: CallbackEvents = LIVE_ROOM_CALLBACK_EVENTS;

const EXIT_REASONS: Record<string, LiveRoomLeaveReason> = { Quit: "LEFT", Kickout: "KICKED" };

/** The events of one room callback; undefined when `event` is not one. */
export function roomEvents(
  appId: string,
  event: string,
  b: CallbackFields,
  at: Date,
): ImEvent[] | undefined {
  switch (event) {
    case "room_create":
      // RTC's "Room Created" has the same event name (room_session_id, id_name): not a ZIM
      // room, should an app point both products' callbacks at one URL.
      if (b.room_session_id !== undefined || b.id_name !== undefined) return [];
      return [{ type: "LIVE_ROOM_CREATED", appId, at, roomId: roomId(b), ownerId: account(b) }];
    case "room_enter": {
      // One user per callback: the one entering.
      const userId = callbackId(b.operator_account, "operator_account");
      return [{ type: "LIVE_ROOM_MEMBER_JOINED", appId, at, roomId: roomId(b), userIds: [userId] }];
    }
    case "room_exit": {
      const exitType = typeof b.exit_type === "string" ? b.exit_type : "";
      const reason = EXIT_REASONS[exitType] ?? null;
      const userIds = ids(b.exit_user_ids, "exit_user_ids");
      return [{ type: "LIVE_ROOM_MEMBER_LEFT", appId, at, roomId: roomId(b), userIds, reason }];
    }
    case "room_destroy": {
      // The members at the end leave with the room (none after a destroy delay, §U18).
      const id = roomId(b);
      const userIds = b.user_ids === undefined ? [] : ids(b.user_ids, "user_ids");
      const left: ImEvent[] =
        userIds.length === 0
          ? []
          : [
              {
                type: "LIVE_ROOM_MEMBER_LEFT",
                appId,
                at,
                roomId: id,
                userIds,
                reason: "DESTROYED",
              },
            ];
      return [...left, { type: "LIVE_ROOM_DESTROYED", appId, at, roomId: id }];
    }
    default:
      return undefined;
  }
}

function roomId(b: CallbackFields): string {
  return callbackId(b.room_id, "room_id");
}

/** operator_account: the creator; empty or absent when ZIM names none. */
function account(b: CallbackFields): string | null {
  const v = b.operator_account;
  if (v === undefined || v === null || v === "") return null;
  if (typeof v !== "string") throw new BadUserInputError("operator_account", "Not a user id.");
  return v;
}

function ids(value: unknown, field: string): string[] {
  return callbackList(value, field).map((v) => callbackId(v, field));
}
