import { Field, ID, ObjectType } from "type-graphql";
import { ImEventBase } from "./event-base.js";
import { LiveRoomLeaveReason } from "./live-room-types.js";

// Events of live rooms (#17), from the vendors' room callbacks.

@ObjectType({
  implements: ImEventBase,
  simpleResolvers: true,
  description: "A live room was created.",
})
export class LiveRoomCreatedEvent extends ImEventBase {
  @Field(() => ID, { description: "The room." })
  roomId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "Its creator; null where the vendor does not say.",
  })
  ownerId!: string | null;
}

@ObjectType({
  implements: ImEventBase,
  simpleResolvers: true,
  description: "A live room was destroyed (by a call, or by the vendor for idleness).",
})
export class LiveRoomDestroyedEvent extends ImEventBase {
  @Field(() => ID, { description: "The room." })
  roomId!: string;
}

@ObjectType({
  implements: ImEventBase,
  simpleResolvers: true,
  description: "Users entered a live room.",
})
export class LiveRoomMemberJoinedEvent extends ImEventBase {
  @Field(() => ID, { description: "The room." })
  roomId!: string;

  @Field(() => [ID], { description: "Who entered." })
  userIds!: string[];
}

@ObjectType({
  implements: ImEventBase,
  simpleResolvers: true,
  description: "Users left a live room.",
})
export class LiveRoomMemberLeftEvent extends ImEventBase {
  @Field(() => ID, { description: "The room." })
  roomId!: string;

  @Field(() => [ID], { description: "Who left." })
  userIds!: string[];

  @Field(() => LiveRoomLeaveReason, {
    nullable: true,
    description: "Why, where the vendor tells; null where it does not.",
  })
  reason!: LiveRoomLeaveReason | null;
}
