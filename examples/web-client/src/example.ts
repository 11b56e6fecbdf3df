import { type Endpoint, request, subscribe, subscriptions } from "./client.js";
import type { MessagesSentSubscription, UserWithFriendsQuery } from "./gql/graphql.js";
import { MessagesSent, SendText, UserWithFriends } from "./operations.js";

export interface ExampleResult {
  user: UserWithFriendsQuery["user"];
  friends: string[];
  messageId: string | null;
  /** The MESSAGE_SENT event of the text, as the subscription delivered it. */
  heard: MessagesSentSubscription["events"];
}

/**
 * What a frontend does first: subscribes to sent messages, reads a user and their friends,
 * sends a text, and waits until its own event comes back over the subscription.
 */
export async function runExample(
  endpoint: Endpoint,
  options: { app?: string; from: string; to: string; timeoutMs?: number },
): Promise<ExampleResult> {
  const client = subscriptions(endpoint);
  const text = `hello from the typed client ${Date.now().toString(36)}`;
  try {
    let stop = () => {};
    const heard = new Promise<MessagesSentSubscription["events"]>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error("no MESSAGE_SENT event arrived")),
        options.timeoutMs ?? 10_000,
      );
      stop = subscribe(
        client,
        MessagesSent,
        { app: options.app ?? null },
        (data) => {
          const event = data.events;
          if (event.__typename !== "MessageSentEvent") return;
          const content = event.message.content;
          if (content.__typename === "TextContent" && content.text === text) {
            clearTimeout(timer);
            resolve(event);
          }
        },
        (error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
    // The subscription is acknowledged before the send, so the event cannot be missed.
    await waitForAck(client);
    const read = await request(endpoint, UserWithFriends, {
      app: options.app ?? null,
      userId: options.from,
    });
    const [sent] = await request(endpoint, SendText, {
      app: options.app ?? null,
      from: options.from,
      to: [options.to],
      text,
    }).then((r) => r.sendMessage);
    if (sent?.error) throw new Error(`send failed: ${sent.error.code} ${sent.error.message}`);
    const event = await heard;
    stop();
    return {
      user: read.user,
      friends: read.friends.nodes.map((f) => f.userId),
      messageId: sent?.messageId ?? null,
      heard: event,
    };
  } finally {
    await client.dispose();
  }
}

/** Resolves once graphql-ws has opened and acknowledged the connection. */
function waitForAck(client: ReturnType<typeof subscriptions>): Promise<void> {
  return new Promise((resolve, reject) => {
    const offAck = client.on("connected", () => {
      offAck();
      offClosed();
      // The subscribe message is sent right after the ack; give it one turn to be registered.
      setTimeout(resolve, 50);
    });
    const offClosed = client.on("closed", (event) => {
      offAck();
      offClosed();
      reject(new Error(`connection closed: ${JSON.stringify(event)}`));
    });
  });
}
