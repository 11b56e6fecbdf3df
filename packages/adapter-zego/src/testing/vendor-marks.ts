// Test support: the marks the ZEGO emulator keeps on a user's conversation (SetConvMark),
// read from its state dump, since ZIM's server API reads none back. Not part of the build.
import type { Conversation } from "@imgraph/core";
import type { RunningEmulator } from "@imgraph/emulators";
import { z } from "zod";

const stateSchema = z.object({
  userConversations: z.array(
    z.object({
      userId: z.string(),
      convType: z.number(),
      convId: z.string(),
      marks: z.array(z.number()),
    }),
  ),
});

/** The user's marks on the conversation, ascending; none when ZIM keeps no entry for it. */
export function conversationMarks(
  emulator: RunningEmulator,
  appId: number,
  userId: string,
  conversation: Conversation,
): number[] {
  const convType = conversation.type === "USER" ? 0 : conversation.type === "GROUP" ? 2 : -1;
  const entry = stateSchema
    .parse(emulator.state(String(appId)))
    .userConversations.find(
      (e) => e.userId === userId && e.convType === convType && e.convId === conversation.id,
    );
  return entry?.marks ?? [];
}
