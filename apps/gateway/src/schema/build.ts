import "reflect-metadata";
import {
  type GraphQLSchema,
  isInputObjectType,
  isInterfaceType,
  isUnionType,
  printSchema,
} from "graphql";
import { buildSchemaSync, type NonEmptyArray } from "type-graphql";
import { eventTypeName } from "./event-types.js";
import { contentTypeName } from "./message-types.js";

/** Inputs that take exactly one of their fields (GraphQL's @oneOf). */
const ONE_OF_INPUTS = ["MessageContentInput"];

/** Each abstract type and how its value names its concrete type. */
const SYNC_TYPE_NAMES: Array<[string, (value: unknown) => string | undefined]> = [
  ["MessageContent", contentTypeName],
  ["ImEvent", eventTypeName],
  ["ImEventBase", eventTypeName],
];

const NO_PUBSUB = {
  publish() {
    throw new Error("not used: subscriptions read context.realtime");
  },
  subscribe(): never {
    throw new Error("not used: subscriptions read context.realtime");
  },
};

/**
 * A schema from type-graphql resolver classes, finished the way the gateway serves it.
 * (The resolvers are passed in: the schema layer does not reach up into them.)
 */
// biome-ignore lint/complexity/noBannedTypes: type-graphql's own type for resolver classes
export function buildSchemaFrom(resolvers: NonEmptyArray<Function>): GraphQLSchema {
  const schema = buildSchemaSync({
    resolvers,
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
  // type-graphql makes every resolveType async; graphql-jit (executor.ts) needs an answer
  // it can use at once. Ours are plain lookups: put them back as they are.
  for (const [name, typeName] of SYNC_TYPE_NAMES) {
    const type = schema.getType(name);
    if (isUnionType(type) || isInterfaceType(type)) type.resolveType = typeName;
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
  return schema;
}

/** The SDL of a schema as committed in schema.graphql. */
export function sdlOf(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
