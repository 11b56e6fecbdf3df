import { createUnionType, Field, ID, InputType, ObjectType } from "type-graphql";
import { EventObjectType, EventType, ImEventBase } from "./event-base.js";
import {
  GroupAttributesChangedEvent,
  GroupEventFields,
  GroupMemberRoleChangedEvent,
  GroupMutedEvent,
  GroupProfileUpdatedEvent,
} from "./group-event-types.js";
import {
  ConversationReadEvent,
  MessageDeletedEvent,
  MessageEditedEvent,
  ReactionChangedEvent,
} from "./lifecycle-event-types.js";
import {
  LiveRoomCreatedEvent,
  LiveRoomDestroyedEvent,
  LiveRoomMemberJoinedEvent,
  LiveRoomMemberLeftEvent,
} from "./live-room-event-types.js";
import { messageEventFields } from "./message-event-fields.js";
import { Message } from "./message-types.js";
import { MessageBlockedEvent } from "./moderation-event-types.js";
import { OperationProgressEvent } from "./progress-event-types.js";
import { ConversationType, PresenceStatus } from "./types.js";

// Real-time events (the `events` subscription), normalized from vendor callbacks.

export { EventType, ImEventBase };

@InputType({
  description:
    "Only events of one conversation: USER + the other user's id (for admins: events involving that user), GROUP + a group id.",
})
export class EventConversationInput {
  @Field(() => ConversationType, { description: "USER, GROUP, or ROOM (a live room's events)." })
  type!: ConversationType;

  @Field(() => ID, {
    description: "The other user's id (USER), the group's id (GROUP) or the live room's id (ROOM).",
  })
  id!: string;
}

@EventObjectType("A message was sent.")
export class MessageSentEvent extends ImEventBase {
  @Field(() => Message, { description: "The message." })
  message!: Message;
}

@EventObjectType("A message was recalled.")
export class MessageRecalledEvent extends messageEventFields({
  messageId: "The recalled message's id, where the callback tells enough to rebuild it.",
  conversation: "Where the message was.",
  senderId: "Who had sent it, where known (an admin recall may not tell).",
}) {}

@EventObjectType(
  "A user came online (their first device connected) or went offline (their last device left). Tencent does not tell devices apart: there, each login and logout.",
)
export class PresenceChangedEvent extends ImEventBase {
  @Field(() => ID, { description: "The user." })
  userId!: string;

  @Field(() => PresenceStatus, { description: "The new state." })
  status!: PresenceStatus;
}

@EventObjectType("A group was created.")
export class GroupCreatedEvent extends GroupEventFields {
  @Field(() => ID, { nullable: true, description: "Its owner, where the vendor keeps one." })
  ownerId!: string | null;

  @Field(() => [ID], { description: "The initial members, as far as the vendor tells." })
  userIds!: string[];
}

/** The fields of users joining or leaving a group (the class is not in the schema itself). */
function membersChangedFields(usersDescription: string) {
  @ObjectType({ simpleResolvers: true })
  abstract class MembersChanged extends GroupEventFields {
    @Field(() => [ID], { description: usersDescription })
    userIds!: string[];
  }
  return MembersChanged;
}

@EventObjectType("Users joined (or were added to) a group.")
export class GroupMemberJoinedEvent extends membersChangedFields("The users who joined.") {}

@EventObjectType("Users left (or were removed from) a group.")
export class GroupMemberLeftEvent extends membersChangedFields("The users who left.") {}

@EventObjectType("A group was dismissed.")
export class GroupDismissedEvent extends GroupEventFields {}

/** The fields of a change to a user's friend list (the class is not in the schema itself). */
function friendListChangedFields(friendDescription: string) {
  @ObjectType({ simpleResolvers: true })
  abstract class FriendListChanged extends ImEventBase {
    @Field(() => ID, { description: "Whose friend list." })
    userId!: string;

    @Field(() => ID, { description: friendDescription })
    friendId!: string;
  }
  return FriendListChanged;
}

@EventObjectType(
  "A user joined another user's friend list (a mutual friendship sends one event each way).",
)
export class FriendAddedEvent extends friendListChangedFields("The friend added to it.") {}

@EventObjectType("A user left another user's friend list.")
export class FriendRemovedEvent extends friendListChangedFields("The friend removed from it.") {}

@EventObjectType("A user blocked or unblocked another user (told only to the blocklist's owner).")
export class BlocklistChangedEvent extends ImEventBase {
  @Field(() => ID, { description: "Whose blocklist." })
  userId!: string;

  @Field(() => ID, { description: "The user blocked or unblocked." })
  otherId!: string;

  @Field(() => Boolean, { description: "True when blocked, false when unblocked." })
  blocked!: boolean;
}

@EventObjectType("A profile changed.")
export class ProfileUpdatedEvent extends ImEventBase {
  @Field(() => ID, { description: "The user." })
  userId!: string;

  @Field(() => [String], {
    description: "The vendor's names of the fields that changed, where it tells; else empty.",
  })
  fields!: string[];
}

const TYPENAMES: Record<EventType, string> = {
  MESSAGE_SENT: "MessageSentEvent",
  MESSAGE_RECALLED: "MessageRecalledEvent",
  PRESENCE_CHANGED: "PresenceChangedEvent",
  GROUP_CREATED: "GroupCreatedEvent",
  GROUP_MEMBER_JOINED: "GroupMemberJoinedEvent",
  GROUP_MEMBER_LEFT: "GroupMemberLeftEvent",
  GROUP_DISMISSED: "GroupDismissedEvent",
  FRIEND_ADDED: "FriendAddedEvent",
  FRIEND_REMOVED: "FriendRemovedEvent",
  BLOCKLIST_CHANGED: "BlocklistChangedEvent",
  PROFILE_UPDATED: "ProfileUpdatedEvent",
  MESSAGE_EDITED: "MessageEditedEvent",
  MESSAGE_DELETED: "MessageDeletedEvent",
  CONVERSATION_READ: "ConversationReadEvent",
  REACTION_CHANGED: "ReactionChangedEvent",
  GROUP_PROFILE_UPDATED: "GroupProfileUpdatedEvent",
  GROUP_MUTED: "GroupMutedEvent",
  GROUP_MEMBER_ROLE_CHANGED: "GroupMemberRoleChangedEvent",
  GROUP_ATTRIBUTES_CHANGED: "GroupAttributesChangedEvent",
  LIVE_ROOM_CREATED: "LiveRoomCreatedEvent",
  LIVE_ROOM_DESTROYED: "LiveRoomDestroyedEvent",
  LIVE_ROOM_MEMBER_JOINED: "LiveRoomMemberJoinedEvent",
  LIVE_ROOM_MEMBER_LEFT: "LiveRoomMemberLeftEvent",
  OPERATION_PROGRESS: "OperationProgressEvent",
  MESSAGE_BLOCKED: "MessageBlockedEvent",
};

/** The event's GraphQL type name, from its neutral `type`. */
export function eventTypeName(value: unknown): string | undefined {
  return TYPENAMES[(value as { type: EventType }).type];
}

export const ImEventUnion = createUnionType({
  name: "ImEvent",
  description:
    "A real-time event: one of the neutral events normalized from vendor callbacks (or, where the vendor calls back for nothing, published by the gateway for a write made through it).",
  types: () =>
    [
      MessageSentEvent,
      MessageRecalledEvent,
      PresenceChangedEvent,
      GroupCreatedEvent,
      GroupMemberJoinedEvent,
      GroupMemberLeftEvent,
      GroupDismissedEvent,
      FriendAddedEvent,
      FriendRemovedEvent,
      BlocklistChangedEvent,
      ProfileUpdatedEvent,
      MessageEditedEvent,
      MessageDeletedEvent,
      ConversationReadEvent,
      ReactionChangedEvent,
      GroupProfileUpdatedEvent,
      GroupMutedEvent,
      GroupMemberRoleChangedEvent,
      GroupAttributesChangedEvent,
      LiveRoomCreatedEvent,
      LiveRoomDestroyedEvent,
      LiveRoomMemberJoinedEvent,
      LiveRoomMemberLeftEvent,
      OperationProgressEvent,
      MessageBlockedEvent,
    ] as const,
  resolveType: eventTypeName,
});
