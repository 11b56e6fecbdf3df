import { Field, ID, ObjectType } from "type-graphql";
import { EventObjectType, ImEventBase } from "./event-base.js";
import { LiveRoomLeaveReason } from "./live-room-types.js";

// Events of live rooms (#17), from the vendors' room callbacks.

/** The field every event about one live room starts with (not in the schema itself). */
@ObjectType({ simpleResolvers: true })
abstract class LiveRoomEventFields extends ImEventBase {
  @Field(() => ID, { description: "The room." })
  roomId!: string;
}

@EventObjectType("A live room was created.")
export class LiveRoomCreatedEvent extends LiveRoomEventFields {
  @Field(() => ID, {
    nullable: true,
    description: "Its creator; null where the vendor does not say.",
  })
  ownerId!: string | null;
}

@EventObjectType("A live room was destroyed (by a call, or by the vendor for idleness).")
export class LiveRoomDestroyedEvent extends LiveRoomEventFields {}

@EventObjectType("Users entered a live room.")
export class LiveRoomMemberJoinedEvent extends LiveRoomEventFields {
  @Field(() => [ID], { description: "Who entered." })
  userIds!: string[];
}

@EventObjectType("Users left a live room.")
export class LiveRoomMemberLeftEvent extends LiveRoomEventFields {
  @Field(() => [ID], { description: "Who left." })
  userIds!: string[];

  @Field(() => LiveRoomLeaveReason, {
    nullable: true,
    description: "Why, where the vendor tells; null where it does not.",
  })
  reason!: LiveRoomLeaveReason | null;
}
