import type {
  CreateLiveRoomInput,
  LiveRoom,
  LiveRoomAttributeKeys,
  LiveRoomAttributesRead,
  LiveRoomAttributesWrite,
  LiveRoomBroadcastInput,
  LiveRoomKeepAliveInput,
  LiveRoomKickInput,
  LiveRoomMember,
  LiveRoomMembersInput,
  LiveRoomMessageInput,
  LiveRoomMuteAllInput,
  LiveRoomRef,
  LiveRoomRestrictInput,
  LiveRoomRestriction,
  LiveRoomUsersInput,
  LiveRoomWhitelistInput,
} from "../model/live-room.js";
import type { Page } from "../model/page.js";
import type { ItemResult } from "../results.js";
import { operation } from "./declare.js";

// Live rooms (RongCloud chatrooms, Tencent audio-video groups, ZIM rooms): created and
// destroyed by the server, entered by clients. Anyone in the app reads a room; its owner
// (where the vendor keeps one) and admins moderate it. Server sends skip the room's mutes
// and bans at every vendor, so only the owner and admins send through the gateway; end
// users send from their client SDK, where the vendor enforces them.

const rooms = { area: "liveRooms" } as const;
const byOwner = { ...rooms, kind: "write", access: { liveRoomOwner: "roomId" } } as const;
const byAnyone = { ...rooms, kind: "read", access: "anyone" } as const;

export const LIVE_ROOM_OPERATIONS = {
  createLiveRoom: operation<CreateLiveRoomInput, void>()({
    ...rooms,
    kind: "write",
    capability: "LIVE_ROOMS",
    access: { self: "ownerId" },
    action: "create live rooms",
    summary:
      "Create a live room (name, owner, idle lifetime, initial attributes, muted) where the vendor keeps each.",
  }),
  destroyLiveRoom: operation<LiveRoomRef, void>()({
    ...byOwner,
    capability: "LIVE_ROOMS",
    action: "destroy the live room",
    summary: "Destroy a live room: everyone in it is removed and its attributes are gone.",
  }),
  getLiveRoom: operation<{ roomId: string }, LiveRoom | null>()({
    ...byAnyone,
    capability: "LIVE_ROOMS",
    action: "read live rooms",
    summary: "A live room with its online member count (null when it does not exist).",
  }),
  listLiveRoomMembers: operation<LiveRoomMembersInput, Page<LiveRoomMember>>()({
    ...byAnyone,
    capability: "LIVE_ROOM_MEMBERS",
    action: "list live room members",
    summary: "Who is in a live room now, paged (as far as the vendor lists them).",
  }),
  checkLiveRoomMembers: operation<LiveRoomUsersInput, ItemResult<boolean>[]>()({
    ...byAnyone,
    capability: "LIVE_ROOM_MEMBER_CHECK",
    batch: "usersPerLiveRoomCheck",
    action: "check live room members",
    summary: "Whether each user is in a live room now.",
  }),
  kickLiveRoomMembers: operation<LiveRoomKickInput, ItemResult<true>[]>()({
    ...byOwner,
    capability: "LIVE_ROOM_KICK",
    batch: "usersPerLiveRoomModeration",
    action: "remove users from the live room",
    summary: "Remove users from a live room now (they may enter again).",
  }),
  banLiveRoomMembers: operation<LiveRoomRestrictInput, ItemResult<true>[]>()({
    ...byOwner,
    capability: "LIVE_ROOM_BAN",
    batch: "usersPerLiveRoomModeration",
    action: "ban users from the live room",
    summary: "Remove users from a live room and keep them out for a while.",
  }),
  unbanLiveRoomMembers: operation<LiveRoomUsersInput, ItemResult<true>[]>()({
    ...byOwner,
    capability: "LIVE_ROOM_BAN",
    batch: "usersPerLiveRoomModeration",
    action: "ban users from the live room",
    summary: "Let banned users enter a live room again.",
  }),
  listLiveRoomBans: operation<{ roomId: string }, LiveRoomRestriction[]>()({
    ...rooms,
    kind: "read",
    access: { liveRoomOwner: "roomId" },
    capability: "LIVE_ROOM_BAN",
    action: "read the live room's bans",
    summary: "Who is banned from a live room, and until when.",
  }),
  muteLiveRoomMembers: operation<LiveRoomRestrictInput, ItemResult<true>[]>()({
    ...byOwner,
    capability: "LIVE_ROOM_MUTE",
    batch: "usersPerLiveRoomModeration",
    action: "mute users in the live room",
    summary: "Stop users sending in a live room for a while (they still receive).",
  }),
  unmuteLiveRoomMembers: operation<LiveRoomUsersInput, ItemResult<true>[]>()({
    ...byOwner,
    capability: "LIVE_ROOM_MUTE",
    batch: "usersPerLiveRoomModeration",
    action: "mute users in the live room",
    summary: "Let muted users send in a live room again.",
  }),
  listLiveRoomMutes: operation<{ roomId: string }, LiveRoomRestriction[]>()({
    ...rooms,
    kind: "read",
    access: { liveRoomOwner: "roomId" },
    capability: "LIVE_ROOM_MUTE",
    action: "read the live room's mutes",
    summary: "Who is muted in a live room, and until when.",
  }),
  muteLiveRoom: operation<LiveRoomMuteAllInput, void>()({
    ...byOwner,
    capability: "LIVE_ROOM_MUTE_ALL",
    action: "mute the live room",
    summary: "Mute or unmute a whole live room.",
  }),
  sendLiveRoomMessage: operation<LiveRoomMessageInput, { messageId: string | null }>()({
    ...rooms,
    kind: "write",
    capability: "LIVE_ROOM_MESSAGE",
    access: [{ self: "from" }, { liveRoomOwner: "roomId" }],
    action: "send to the live room",
    summary: "Send a message to everyone in a live room, with the vendor's delivery priority.",
  }),
  broadcastLiveRoomMessage: operation<LiveRoomBroadcastInput, { messageId: string | null }>()({
    ...rooms,
    kind: "write",
    capability: "LIVE_ROOM_BROADCAST",
    access: "admin",
    action: "broadcast to every live room",
    summary: "Send one message into every live room of the app.",
  }),
  getLiveRoomAttributes: operation<LiveRoomAttributesRead, Record<string, string>>()({
    ...byAnyone,
    capability: "LIVE_ROOM_ATTRIBUTES",
    action: "read live room attributes",
    summary: "A live room's custom attributes (all, or the keys asked).",
  }),
  setLiveRoomAttributes: operation<LiveRoomAttributesWrite, void>()({
    ...byOwner,
    capability: "LIVE_ROOM_ATTRIBUTES",
    action: "change the live room's attributes",
    summary: "Set custom live room attributes (added or replaced; other keys stay).",
  }),
  removeLiveRoomAttributes: operation<LiveRoomAttributeKeys, void>()({
    ...byOwner,
    capability: "LIVE_ROOM_ATTRIBUTES",
    action: "change the live room's attributes",
    summary: "Remove custom live room attributes by key.",
  }),
  keepLiveRoomAlive: operation<LiveRoomKeepAliveInput, void>()({
    ...rooms,
    kind: "write",
    capability: "LIVE_ROOM_KEEP_ALIVE",
    access: "admin",
    action: "keep live rooms alive",
    summary: "Exempt a live room from the vendor's destruction of idle rooms, or end that.",
  }),
  setLiveRoomWhitelist: operation<LiveRoomWhitelistInput, void>()({
    ...byOwner,
    capability: "LIVE_ROOM_WHITELIST",
    action: "change the live room's whitelist",
    summary:
      "Add users to (or remove them from) a live room's whitelist: never dropped for inactivity, their messages never discarded under load.",
  }),
  listLiveRoomWhitelist: operation<{ roomId: string }, string[]>()({
    ...rooms,
    kind: "read",
    access: { liveRoomOwner: "roomId" },
    capability: "LIVE_ROOM_WHITELIST",
    action: "read the live room's whitelist",
    summary: "The users on a live room's whitelist.",
  }),
} as const;
