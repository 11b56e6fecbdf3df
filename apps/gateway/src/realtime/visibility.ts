import type { Conversation, ImAdapter, ImEvent, ImEventType } from "@imgraph/core";
import type { Viewer } from "../auth/viewer.js";
import type { MembershipCache } from "./membership.js";
import { callerIdOf } from "./progress.js";

export interface EventFilter {
  types: ReadonlySet<ImEventType> | null;
  conversation: { type: string; id: string } | null;
}

/**
 * Whether a viewer may see an event (the policy for real-time): admins see everything;
 * an end user sees messages of conversations they are in (a USER conversation: sender or
 * recipient; a group: member), membership changes of their groups and their own, friend
 * list changes they are part of, changes of their own blocklist (the blocked user is not
 * told), live rooms' comings and goings (public, like the rooms), and presence and profile changes — which any user of the app may read with the
 * `presence` and `users` queries too.
 */
export async function maySee(
  viewer: Viewer,
  adapter: ImAdapter,
  event: ImEvent,
  members: MembershipCache,
): Promise<boolean> {
  if (viewer.role === "ADMIN") return true;
  if (viewer.role !== "USER") return false;
  const me = viewer.userId;
  const appId = adapter.info.id;
  const member = async (groupId: string) => (await members.isMember(adapter, groupId, me)) === true;
  switch (event.type) {
    case "PRESENCE_CHANGED":
    case "PROFILE_UPDATED":
      return true;
    case "FRIEND_ADDED":
    case "FRIEND_REMOVED":
      return event.userId === me || event.friendId === me;
    case "BLOCKLIST_CHANGED":
      return event.userId === me;
    case "MESSAGE_DELETED":
      // A delete from one user's copy is that user's business only.
      if (event.forUserId !== null) return event.forUserId === me;
      return inConversation(me, event, member);
    case "CONVERSATION_READ":
      // The reader, and in a one-to-one conversation the peer (a read receipt); a group's
      // read state is each member's own.
      if (event.userId === me) return true;
      return event.conversation.type === "USER" && event.conversation.id === me;
    case "MESSAGE_SENT":
    case "MESSAGE_RECALLED":
    case "MESSAGE_EDITED":
    case "REACTION_CHANGED":
      return inConversation(me, event, member);
    case "GROUP_CREATED":
      return event.ownerId === me || event.userIds.includes(me);
    case "GROUP_MEMBER_JOINED":
    case "GROUP_MEMBER_LEFT":
      // The lists already have this change (MembershipCache.observe): those who left are
      // told by name, the others as members.
      return event.userIds.includes(me) || member(event.groupId);
    case "GROUP_PROFILE_UPDATED":
    case "GROUP_MUTED":
    case "GROUP_ATTRIBUTES_CHANGED":
      return member(event.groupId);
    case "GROUP_MEMBER_ROLE_CHANGED":
      return event.userId === me || member(event.groupId);
    case "LIVE_ROOM_CREATED":
    case "LIVE_ROOM_DESTROYED":
    case "LIVE_ROOM_MEMBER_JOINED":
    case "LIVE_ROOM_MEMBER_LEFT":
      // Live rooms are public: any user of the app may read them and who is in them.
      return true;
    case "OPERATION_PROGRESS":
      return event.callerId === callerIdOf(viewer);
    case "MESSAGE_BLOCKED":
      // Moderation is the operators' business: not even the sender is told this way.
      return false;
    case "GROUP_DISMISSED":
      // The group is gone: only a member list we still hold can tell who was in it.
      return members.wasMember(appId, event.groupId, me);
    default:
      return false;
  }
}

/** Whether an event matches the subscription's `types` and `conversation` arguments. */
export function matches(viewer: Viewer, event: ImEvent, filter: EventFilter): boolean {
  if (filter.types && !filter.types.has(event.type)) return false;
  const c = filter.conversation;
  if (!c) return true;
  switch (event.type) {
    case "MESSAGE_SENT":
    case "MESSAGE_RECALLED":
    case "MESSAGE_EDITED":
    case "MESSAGE_DELETED":
    case "REACTION_CHANGED":
    case "CONVERSATION_READ": {
      const { conversation, sender } = parties(event);
      if (conversation.type !== c.type) return false;
      if (c.type !== "USER") return conversation.id === c.id;
      // USER: the conversation between the viewer and c.id; for an admin, any involving c.id.
      const me = viewer.role === "USER" ? viewer.userId : null;
      if (me === null) return sender === c.id || conversation.id === c.id;
      return (
        (sender === me && conversation.id === c.id) || (sender === c.id && conversation.id === me)
      );
    }
    case "PRESENCE_CHANGED":
    case "PROFILE_UPDATED":
      return c.type === "USER" && event.userId === c.id;
    case "FRIEND_ADDED":
    case "FRIEND_REMOVED":
      return c.type === "USER" && (event.userId === c.id || event.friendId === c.id);
    case "BLOCKLIST_CHANGED":
      return c.type === "USER" && (event.userId === c.id || event.otherId === c.id);
    case "LIVE_ROOM_CREATED":
    case "LIVE_ROOM_DESTROYED":
    case "LIVE_ROOM_MEMBER_JOINED":
    case "LIVE_ROOM_MEMBER_LEFT":
      return c.type === "ROOM" && event.roomId === c.id;
    case "OPERATION_PROGRESS":
      return false;
    case "MESSAGE_BLOCKED":
      return (
        event.conversation.type === c.type &&
        (event.conversation.id === c.id || (c.type === "USER" && event.senderId === c.id))
      );
    default:
      return c.type === "GROUP" && event.groupId === c.id;
  }
}

type ConversationEvent = Extract<
  ImEvent,
  {
    type:
      | "MESSAGE_SENT"
      | "MESSAGE_RECALLED"
      | "MESSAGE_EDITED"
      | "MESSAGE_DELETED"
      | "REACTION_CHANGED"
      | "CONVERSATION_READ";
  }
>;

/**
 * Where an event happened and who stands at its near end: a one-to-one conversation is
 * named as that user sees it (the message's sender, or the reader of a read).
 */
function parties(event: ConversationEvent): { conversation: Conversation; sender: string | null } {
  switch (event.type) {
    case "MESSAGE_SENT":
      return { conversation: event.message.conversation, sender: event.message.senderId };
    case "CONVERSATION_READ":
      return { conversation: event.conversation, sender: event.userId };
    default:
      return { conversation: event.conversation, sender: event.senderId };
  }
}

/** Whether `me` is in the conversation of a message event: its sender, peer or group member. */
async function inConversation(
  me: string,
  event: ConversationEvent,
  member: (groupId: string) => Promise<boolean>,
): Promise<boolean> {
  const { conversation, sender } = parties(event);
  if (sender === me) return true;
  if (conversation.type === "USER" || conversation.type === "SYSTEM") return conversation.id === me;
  if (conversation.type === "GROUP") return member(conversation.id);
  return false; // rooms: no membership we can check
}
