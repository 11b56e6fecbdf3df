// Test support: what the Tencent emulator keeps about conversations and messages, and who
// read them, read from its state dump (GET /__emulator/state) rather than through the
// adapter. Not built.
import type { Conversation, MessageContent, MessageIdContext } from "@imgraph/core";
import type { ContractHarness, ConversationState } from "@imgraph/core/contract";
import type { RunningEmulator } from "@imgraph/emulators";
import { fromMsgBody } from "../content.js";
import { decodeMessageId } from "../message-ids.js";

type Row = Record<string, unknown>;

function rows(value: unknown): Row[] {
  return Array.isArray(value) ? value.filter((r): r is Row => typeof r === "object" && !!r) : [];
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Row)[key] : undefined;
}

/** The row of a dump section (its c2c and group tables) that holds one message id's message. */
function messageRow(section: unknown, ids: MessageIdContext, messageId: string): Row | undefined {
  const ref = decodeMessageId(ids, messageId);
  return ref.kind === "c2c"
    ? rows(field(section, "c2c")).find(
        (m) => m.MsgKey === ref.msgKey && m.From_Account === ref.from && m.To_Account === ref.to,
      )
    : rows(field(section, "group")).find(
        (m) => m.GroupId === ref.groupId && m.MsgSeq === ref.msgSeq,
      );
}

/** The harness's two vendor-side reads for one app of a running emulator. */
export function vendorState(
  emulator: RunningEmulator,
  sdkAppId: number,
  ids: MessageIdContext,
): Required<Pick<ContractHarness, "conversationState" | "messageContent" | "readBy">> {
  const dump = () => emulator.state(String(sdkAppId));
  return {
    async conversationState(userId: string, conversation: Conversation) {
      const mine = rows(field(field(dump(), "recentContacts"), userId));
      const entry = mine.find((c) =>
        conversation.type === "USER"
          ? c.Type === 1 && c.To_Account === conversation.id
          : c.Type === 2 && c.GroupId === conversation.id,
      );
      if (!entry) return null;
      const flag = entry.MsgFlag;
      const state: ConversationState = {
        unreadCount: typeof entry.UnreadMsgNum === "number" ? entry.UnreadMsgNum : null,
        pinned: entry.TopFlag === 1,
        doNotDisturb: typeof flag === "string" ? flag !== "AcceptAndNotify" : null,
        messageCount: typeof entry.MessageCount === "number" ? entry.MessageCount : null,
      };
      return state;
    },
    async messageContent(messageId: string): Promise<MessageContent | null> {
      const found = messageRow(field(dump(), "messageBodies"), ids, messageId);
      return found ? fromMsgBody(found.MsgBody) : null;
    },
    // The dump's readReceipts: a one-to-one message's recipient once read, a group's readers.
    async readBy(messageId: string): Promise<string[]> {
      const readers = messageRow(field(dump(), "readReceipts"), ids, messageId)?.ReadBy;
      return Array.isArray(readers)
        ? readers.filter((u): u is string => typeof u === "string")
        : [];
    },
  };
}
