// Test support: what the ZEGO emulator keeps about a user's conversations and a message's
// content, read from its state dump (the vendor side, never through the adapter). Not part
// of the build.
import { type Conversation, IdCodec, type MessageContent } from "@imgraph/core";
import type { ConversationState } from "@imgraph/core/contract";
import type { RunningEmulator } from "@imgraph/emulators";
import { z } from "zod";
import { fromZego } from "../content.js";
import { decodeMessageId } from "../message-ids.js";
import { ADAPTER_ID, ID_SECRET } from "./emulator.js";

const entrySchema = z.object({
  userId: z.string(),
  convType: z.number(),
  convId: z.string(),
  unread: z.number(),
  pinned: z.boolean(),
  silenced: z.boolean(),
  listed: z.boolean(),
  messageCount: z.number(),
});

const messageSchema = z.object({
  seq: z.number(),
  msgType: z.number(),
  subMsgType: z.number(),
  body: z.string(),
  readBy: z.array(z.string()).optional(),
});

const stateSchema = z.object({
  userConversations: z.array(entrySchema),
  peerConversations: z.array(
    z.object({ users: z.array(z.string()), messages: z.array(messageSchema) }),
  ),
  groupConversations: z.array(z.object({ groupId: z.string(), messages: z.array(messageSchema) })),
  roomConversations: z.array(z.object({ roomId: z.string(), messages: z.array(messageSchema) })),
});

function dump(emulator: RunningEmulator, appId: number) {
  return stateSchema.parse(emulator.state(String(appId)));
}

/** One user's entry for a conversation; null when it is not in their list. */
export function conversationState(
  emulator: RunningEmulator,
  appId: number,
  userId: string,
  conversation: Conversation,
): ConversationState | null {
  const convType = conversation.type === "USER" ? 0 : conversation.type === "GROUP" ? 2 : -1;
  const entry = dump(emulator, appId).userConversations.find(
    (e) => e.userId === userId && e.convType === convType && e.convId === conversation.id,
  );
  if (!entry?.listed) return null;
  return {
    unreadCount: entry.unread,
    pinned: entry.pinned,
    doNotDisturb: entry.silenced,
    messageCount: entry.messageCount,
  };
}

/** The test adapter's message ids: sealed with its id secret and adapter id. */
const TEST_IDS = { ids: new IdCodec({ secret: ID_SECRET }), appId: ADAPTER_ID };

/** The stored message a (test adapter's) message id names. */
function storedMessage(emulator: RunningEmulator, appId: number, messageId: string) {
  const ref = decodeMessageId(TEST_IDS, messageId);
  const state = dump(emulator, appId);
  const messages =
    ref.kind === "peer"
      ? state.peerConversations.find((c) => c.users.includes(ref.from) && c.users.includes(ref.to))
          ?.messages
      : ref.kind === "group"
        ? state.groupConversations.find((c) => c.groupId === ref.groupId)?.messages
        : state.roomConversations.find((c) => c.roomId === ref.roomId)?.messages;
  return messages?.find((m) => m.seq === ref.seq);
}

/** The stored content of the message a (test adapter's) message id names, after edits. */
export function messageContent(
  emulator: RunningEmulator,
  appId: number,
  messageId: string,
): MessageContent | null {
  const stored = storedMessage(emulator, appId, messageId);
  return stored ? fromZego(stored.msgType, stored.subMsgType, stored.body) : null;
}

/** Who ZIM recorded as having read the message (C2cReadReceipt / GroupReadReceipt). */
export function readBy(emulator: RunningEmulator, appId: number, messageId: string): string[] {
  return storedMessage(emulator, appId, messageId)?.readBy ?? [];
}
