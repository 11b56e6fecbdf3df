import "reflect-metadata";
import { type GraphQLSchema, isInputObjectType, printSchema } from "graphql";
import { buildSchemaSync } from "type-graphql";
import { AppResolver } from "../resolvers/app.js";
import { EventResolver } from "../resolvers/events.js";
import { GroupResolver } from "../resolvers/group.js";
import { MessageResolver } from "../resolvers/message.js";
import { RoomResolver } from "../resolvers/room.js";
import { UserResolver } from "../resolvers/user.js";

/** Inputs that take exactly one of their fields (GraphQL's @oneOf). */
const ONE_OF_INPUTS = ["MessageContentInput"];

let cached: GraphQLSchema | undefined;

const NO_PUBSUB = {
  publish() {
    throw new Error("not used: subscriptions read context.realtime");
  },
  subscribe(): never {
    throw new Error("not used: subscriptions read context.realtime");
  },
};

/** The gateway's schema, built once from the type-graphql classes. */
export function buildGatewaySchema(): GraphQLSchema {
  if (cached) return cached;
  const schema = buildSchemaSync({
    resolvers: [
      AppResolver,
      UserResolver,
      GroupResolver,
      MessageResolver,
      RoomResolver,
      EventResolver,
    ],
    validate: false,
    // The `events` subscription brings its own source (context.realtime); type-graphql
    // still wants a pubSub to exist.
    pubSub: NO_PUBSUB,
    emitSchemaFile: false,
  });
  // type-graphql cannot declare @oneOf; graphql-js 16 supports it: mark the inputs so the
  // executor enforces "exactly one" and the SDL shows the directive.
  for (const name of ONE_OF_INPUTS) {
    const type = schema.getType(name);
    if (isInputObjectType(type)) (type as { isOneOf: boolean }).isOneOf = true;
  }
  // type-graphql gives the root types no description; the playground shows them first.
  const query = schema.getQueryType();
  if (query)
    query.description =
      "Reads: apps, users, presence, groups, members, conversation history, rooms.";
  const mutation = schema.getMutationType();
  if (mutation) {
    mutation.description =
      "Writes: users, credentials, groups, messages, rooms. Each checks the caller's rights.";
  }
  const subscription = schema.getSubscriptionType();
  if (subscription) {
    subscription.description =
      "Real-time events from the vendors' callbacks, over graphql-ws at the GraphQL path.";
  }
  cached = schema;
  return schema;
}

export function gatewaySdl(): string {
  return `${printSchema(buildGatewaySchema())}\n`;
}
