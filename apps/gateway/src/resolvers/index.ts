import type { GraphQLSchema } from "graphql";
import { buildSchemaFrom, sdlOf } from "../schema/build.js";
import { AppResolver } from "./app.js";
import { ConversationFolderResolver } from "./conversation-folders.js";
import { ConversationResolver } from "./conversations.js";
import { EventResolver } from "./events.js";
import { FriendGroupResolver } from "./friend-groups.js";
import { GroupResolver } from "./group.js";
import { GroupDepthResolver } from "./group-depth.js";
import { LiveRoomResolver } from "./live-room.js";
import { MessageResolver } from "./message.js";
import { MessageLifecycleResolver } from "./message-lifecycle.js";
import { MessageStateResolver } from "./message-state.js";
import { ModerationResolver } from "./moderation.js";
import { PushResolver } from "./push.js";
import { RoomResolver } from "./room.js";
import { SocialResolver } from "./social.js";
import { UserResolver } from "./user.js";
import { UserDepthResolver } from "./user-depth.js";

let cached: GraphQLSchema | undefined;

/** The gateway's schema, built once from its resolvers. */
export function buildGatewaySchema(): GraphQLSchema {
  cached ??= buildSchemaFrom([
    AppResolver,
    UserResolver,
    GroupResolver,
    GroupDepthResolver,
    LiveRoomResolver,
    ModerationResolver,
    PushResolver,
    MessageResolver,
    RoomResolver,
    SocialResolver,
    FriendGroupResolver,
    UserDepthResolver,
    ConversationResolver,
    ConversationFolderResolver,
    MessageLifecycleResolver,
    MessageStateResolver,
    EventResolver,
  ]);
  return cached;
}

export function gatewaySdl(): string {
  return sdlOf(buildGatewaySchema());
}
