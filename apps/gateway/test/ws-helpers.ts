import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

/** A graphql-ws client on the gateway's GraphQL URL (ws://), with connection params. */
export function wsClient(
  httpUrl: string,
  connectionParams: Record<string, string>,
  onClose?: (code: number, reason: string) => void,
): Client {
  return createClient({
    url: httpUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: true,
    retryAttempts: 0,
    on: onClose
      ? {
          closed: (e) => {
            const event = e as { code: number; reason: unknown };
            onClose(event.code, String(event.reason));
          },
        }
      : {},
  });
}

export interface Received<T = Record<string, unknown>> {
  events: T[];
  errors: unknown[];
  done: boolean;
  /** Resolves once `n` events arrived (rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<T[]>;
  stop(): void;
}

/** Subscribes and collects what arrives. */
export function collect<T = Record<string, unknown>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Received<T> {
  const state: Received<T> = {
    events: [],
    errors: [],
    done: false,
    async waitFor(n, ms = 5_000) {
      const until = Date.now() + ms;
      while (state.events.length < n) {
        if (Date.now() > until)
          throw new Error(
            `timed out: ${state.events.length}/${n} events; errors ${JSON.stringify(state.errors)}`,
          );
        if (state.done && state.events.length < n)
          throw new Error(`subscription ended: ${JSON.stringify(state.errors)}`);
        await sleep(10);
      }
      return state.events;
    },
    stop: () => undefined,
  };
  state.stop = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) state.errors.push(...value.errors);
        if (value.data) state.events.push((value.data as unknown as { events: T }).events);
      },
      error: (error) => {
        state.errors.push(error);
        state.done = true;
      },
      complete: () => {
        state.done = true;
      },
    },
  );
  return state;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` is true (rejects after `ms`). */
export async function until(check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a condition");
    await sleep(1);
  }
}

export const EVENTS = `subscription Events($app: ID, $types: [EventType!], $conversation: EventConversationInput) {
  events(app: $app, types: $types, conversation: $conversation) {
    __typename
    ... on ImEventBase { type app at }
    ... on MessageSentEvent { message { id senderId conversation { type id } content { __typename ... on TextContent { text } } } }
    ... on MessageRecalledEvent { messageId senderId conversation { type id } }
    ... on PresenceChangedEvent { userId status }
    ... on GroupCreatedEvent { groupId ownerId userIds }
    ... on GroupMemberJoinedEvent { groupId userIds }
    ... on GroupMemberLeftEvent { groupId userIds }
    ... on GroupDismissedEvent { groupId }
    ... on FriendAddedEvent { userId friendId }
    ... on FriendRemovedEvent { userId friendId }
    ... on BlocklistChangedEvent { userId otherId blocked }
    ... on ProfileUpdatedEvent { userId fields }
    ... on MessageEditedEvent { messageId senderId editorId conversation { type id } content { __typename ... on TextContent { text } } }
    ... on MessageDeletedEvent { messageId senderId forUserId conversation { type id } }
    ... on ConversationReadEvent { userId readUpTo conversation { type id } }
    ... on ReactionChangedEvent { messageId senderId userId emoji added conversation { type id } }
    ... on GroupProfileUpdatedEvent { groupId fields }
    ... on GroupMutedEvent { groupId muted }
    ... on GroupMemberRoleChangedEvent { groupId userId role }
    ... on GroupAttributesChangedEvent { groupId keys }
    ... on LiveRoomCreatedEvent { roomId ownerId }
    ... on LiveRoomDestroyedEvent { roomId }
    ... on LiveRoomMemberJoinedEvent { roomId userIds }
    ... on LiveRoomMemberLeftEvent { roomId userIds reason }
  }
}`;
