// Test support: the conversation marks the Tencent emulator keeps, read from its state dump
// (GET /__emulator/state, `conversationGroups`) rather than through the adapter. Not built.
import type { Conversation } from "@imgraph/core";
import type { ContractHarness } from "@imgraph/core/contract";
import type { RunningEmulator } from "@imgraph/emulators";
import { FIRST_APP_MARK_BIT, MARK_RANGE } from "../limits.js";

type Row = Record<string, unknown>;

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Row)[key] : undefined;
}

/** The harness's read of one user's marks on a conversation: the app's bits 32..63. */
export function markState(
  emulator: RunningEmulator,
  sdkAppId: number,
): Required<Pick<ContractHarness, "conversationMarks">> {
  return {
    async conversationMarks(userId: string, conversation: Conversation) {
      const mine = field(field(emulator.state(String(sdkAppId)), "conversationGroups"), userId);
      const items = field(mine, "ContactItem");
      const entry = (Array.isArray(items) ? (items as Row[]) : []).find((c) =>
        conversation.type === "USER"
          ? c.Type === 1 && c.To_Account === conversation.id
          : c.Type === 2 && c.ToGroupId === conversation.id,
      );
      const bits = Array.isArray(entry?.MarkBits) ? (entry.MarkBits as unknown[]) : [];
      return bits
        .filter((n): n is number => typeof n === "number" && n >= FIRST_APP_MARK_BIT)
        .map((n) => n - FIRST_APP_MARK_BIT + MARK_RANGE.min);
    },
  };
}
