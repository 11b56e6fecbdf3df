import { EVENT_TYPES, type ImEventType } from "@imgraph/core";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InterfaceType, ObjectType } from "type-graphql";
import { enumFrom } from "./enums.js";

// What every real-time event has; the event kinds live in event-types.ts and
// lifecycle-event-types.ts.

export type EventType = ImEventType;
export const EventType = enumFrom(EVENT_TYPES, "EventType", "Kinds of real-time events.", {
  MESSAGE_SENT: "A message was sent.",
  MESSAGE_RECALLED: "A message was recalled.",
  PRESENCE_CHANGED: "A user came online or went offline.",
  GROUP_CREATED: "A group was created.",
  GROUP_MEMBER_JOINED: "Users joined (or were added to) a group.",
  GROUP_MEMBER_LEFT: "Users left (or were removed from) a group.",
  GROUP_DISMISSED: "A group was dismissed.",
  FRIEND_ADDED: "A user joined another user's friend list.",
  FRIEND_REMOVED: "A user left another user's friend list.",
  BLOCKLIST_CHANGED: "A user blocked or unblocked another user.",
  PROFILE_UPDATED: "A user's profile changed.",
  MESSAGE_EDITED: "A sent message's content was replaced.",
  MESSAGE_DELETED: "A message was deleted, for one user or for everyone.",
  CONVERSATION_READ: "A user read a conversation up to a time.",
  REACTION_CHANGED: "A user added or took back a reaction.",
  GROUP_PROFILE_UPDATED: "A group's profile changed.",
  GROUP_MUTED: "A whole group was muted or unmuted.",
  GROUP_MEMBER_ROLE_CHANGED: "A member's role in a group changed.",
  GROUP_ATTRIBUTES_CHANGED: "A group's custom attributes changed.",
  LIVE_ROOM_CREATED: "A live room was created.",
  LIVE_ROOM_DESTROYED: "A live room was destroyed.",
  LIVE_ROOM_MEMBER_JOINED: "Users entered a live room.",
  LIVE_ROOM_MEMBER_LEFT: "Users left a live room.",
  OPERATION_PROGRESS: "A long operation of yours got further (items done of total).",
  MESSAGE_BLOCKED: "The gateway's moderation refused a message before delivery (admins only).",
});

@InterfaceType({ description: "What every real-time event has." })
export abstract class ImEventBase {
  @Field(() => EventType, { description: "What happened." })
  type!: EventType;

  @Field(() => ID, { description: "The app it happened in." })
  app!: string;

  @Field(() => DateTimeISOResolver, { description: "When the vendor says it happened." })
  at!: Date;
}

/** The object type of one kind of event: it implements ImEventBase and its fields are plain. */
export function EventObjectType(description: string): ClassDecorator {
  return ObjectType({ implements: ImEventBase, simpleResolvers: true, description });
}
