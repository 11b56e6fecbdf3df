import type * as core from "@imgraph/core";
import { LIVE_ROOM_LEAVE_REASONS, LIVE_ROOM_MESSAGE_PRIORITIES } from "@imgraph/core";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { enumFrom } from "./enums.js";
import { connectionFields, perUserFields } from "./types.js";

// Live rooms (#17): large, ephemeral chat rooms entered by clients (RongCloud chatrooms,
// Tencent audio-video groups, ZIM rooms), distinct from groups and from RTC rooms.

export type LiveRoomMessagePriority = core.LiveRoomMessagePriority;
export const LiveRoomMessagePriority = enumFrom(
  LIVE_ROOM_MESSAGE_PRIORITIES,
  "LiveRoomMessagePriority",
  "A live room message's delivery priority: under load the vendor keeps higher ones first.",
  {
    HIGH: "Kept first under load (gifts, moderation notices).",
    NORMAL: "The default.",
    LOW: "Dropped first under load (likes, chatter).",
  },
);

export type LiveRoomLeaveReason = core.LiveRoomLeaveReason;
export const LiveRoomLeaveReason = enumFrom(
  LIVE_ROOM_LEAVE_REASONS,
  "LiveRoomLeaveReason",
  "Why users left a live room.",
  {
    LEFT: "They left.",
    KICKED: "They were removed.",
    BANNED: "They were banned.",
    TIMED_OUT: "The vendor dropped them for inactivity or a lost connection.",
    DESTROYED: "The room was destroyed.",
  },
);

@ObjectType({
  simpleResolvers: true,
  description:
    "A live room: a large, ephemeral chat room that clients enter and leave (no durable membership).",
})
export class LiveRoom {
  @Field(() => ID, { description: "The room's id." })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: "Its name; null where the vendor keeps none.",
  })
  name!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Its creator or owner; null where the vendor keeps none.",
  })
  ownerId!: string | null;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When it was created; null where the vendor does not say.",
  })
  createdAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: "Members connected now, as the vendor counts them (may lag by seconds).",
  })
  memberCount!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether the whole room is muted; null where the vendor does not say.",
  })
  allMuted!: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Seconds the vendor keeps the room once idle or empty before destroying it; null when it never does or does not say.",
  })
  idleLifetimeSeconds!: number | null;
}

@ObjectType({ simpleResolvers: true, description: "Someone in a live room now." })
export class LiveRoomMember {
  @Field(() => ID, { description: "The user." })
  userId!: string;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When they entered; null where the vendor does not say.",
  })
  joinedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Their display name as the vendor reports it; null where it does not.",
  })
  name!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A page of live room members." })
export class LiveRoomMemberConnection extends connectionFields(
  LiveRoomMember,
  "The members of this page.",
) {}

@ObjectType({ simpleResolvers: true, description: "Whether one user is in a live room now." })
export class LiveRoomPresence extends perUserFields<"inRoom", boolean>("inRoom", () => Boolean, {
  value: "Whether the user is in the room; null when the vendor could not tell.",
  error: "Why the vendor could not tell.",
}) {}

@ObjectType({ simpleResolvers: true, description: "A user's ban or mute in a live room." })
export class LiveRoomRestriction {
  @Field(() => ID, { description: "The user." })
  userId!: string;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When it ends; null where the vendor does not say.",
  })
  until!: Date | null;
}
