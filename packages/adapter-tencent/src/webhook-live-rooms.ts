import {
  type CallbackFields,
  callbackId,
  callbackList,
  callbackOptionalId,
  type ImEvent,
  type LiveRoomLeaveReason,
} from "@imgraph/core";

// Live group callbacks (docs/vendors/tencent.md #17 §5): the group callbacks of every type
// carry `Type`; for "AVChatRoom" they are live room events, not group events.
// Group.CallbackOnMemberStateChange (live groups only; Pro edition with the online member
// list switch) tells a connection lost for over 20 s (Offline) and back (Online).

/** MemberExit's ExitType: Quit (left) or Kicked (removed: for live groups, by a ban). */
const EXIT_REASON: Record<string, LiveRoomLeaveReason> = { Quit: "LEFT", Kicked: "KICKED" };

function accounts(value: unknown, field: string): string[] {
  return callbackList(value, field).map((m) =>
    callbackId((m as CallbackFields | null)?.Member_Account, `${field}.Member_Account`),
  );
}

/** The events of a live group callback; undefined when it is not one. */
export function readLiveRoomCallback(
  command: string,
  b: CallbackFields,
  appId: string,
  at: Date,
): ImEvent[] | undefined {
  if (command === "Group.CallbackOnMemberStateChange") {
    const roomId = callbackId(b.GroupId, "GroupId");
    const userIds = accounts(b.MemberList, "MemberList");
    if (b.EventType === "Offline") {
      return [{ type: "LIVE_ROOM_MEMBER_LEFT", appId, at, roomId, userIds, reason: "TIMED_OUT" }];
    }
    if (b.EventType === "Online")
      return [{ type: "LIVE_ROOM_MEMBER_JOINED", appId, at, roomId, userIds }];
    return [];
  }
  if (b.Type !== "AVChatRoom") return undefined;
  switch (command) {
    case "Group.CallbackAfterCreateGroup": {
      const roomId = callbackId(b.GroupId, "GroupId");
      return [
        {
          type: "LIVE_ROOM_CREATED",
          appId,
          at,
          roomId,
          ownerId: callbackOptionalId(b.Owner_Account, "Owner_Account"),
        },
      ];
    }
    case "Group.CallbackAfterGroupDestroyed":
      return [{ type: "LIVE_ROOM_DESTROYED", appId, at, roomId: callbackId(b.GroupId, "GroupId") }];
    case "Group.CallbackAfterNewMemberJoin":
      return [
        {
          type: "LIVE_ROOM_MEMBER_JOINED",
          appId,
          at,
          roomId: callbackId(b.GroupId, "GroupId"),
          userIds: accounts(b.NewMemberList, "NewMemberList"),
        },
      ];
    case "Group.CallbackAfterMemberExit":
      return [
        {
          type: "LIVE_ROOM_MEMBER_LEFT",
          appId,
          at,
          roomId: callbackId(b.GroupId, "GroupId"),
          userIds: accounts(b.ExitMemberList, "ExitMemberList"),
          reason: EXIT_REASON[String(b.ExitType)] ?? null,
        },
      ];
    default:
      return undefined;
  }
}
