/** `startRongCloudEmulator`: the RongCloud IM Server API on a local port. */
import {
  definedFields,
  type RunningEmulator,
  SHARED_OPTIONS,
  startEmulatorWithDownloads,
} from "../framework/index.js";
import type { ChatroomView } from "./chatroom-state.js";
import type { ConversationStateView } from "./conversation-state.js";
import type { RongCloudEmulatorOptions } from "./options.js";
import type { AppState, PushRecord, StoredMessage } from "./state.js";
import { type ConversationQuery, type ConversationTagView, RongCloudVendor } from "./vendor.js";

export type { ChatroomView } from "./chatroom-state.js";
export type { ConversationStateView } from "./conversation-state.js";
export type { RongCloudAppConfig, RongCloudEmulatorOptions, RongCloudFeatures } from "./options.js";
export type { RongCloudSeed } from "./seed.js";
export type { PushRecord } from "./state.js";
export type { ConversationQuery, ConversationTagView } from "./vendor.js";

/** The running emulator, plus reads of server state that RongCloud's API cannot answer. */
export interface RongCloudEmulator extends RunningEmulator {
  /** One user's view of one conversation (pin, do-not-disturb, history copy); null if none. */
  conversationState(input: ConversationQuery): ConversationStateView | null;
  /** A stored message as it is now (after modifications); null when unknown. */
  storedMessage(input: { app?: string; msgUID: string }): StoredMessage | null;
  /** Messages moderation kept from recipients, and each message callback's outcome (#18). */
  moderation(input: { app?: string }): Pick<AppState, "moderated" | "preSendLog">;
  /** A chatroom's members, keep-alive and delivered messages; null when it does not exist. */
  chatroomView(input: { app?: string; chatroomId: string }): ChatroomView | null;
  /** Push notifications the server accepted, with the users each was resolved to reach. */
  pushes(input?: { app?: string }): PushRecord[];
  /** One user's conversation tags (folders) and their conversations, in creation order. */
  conversationTags(input: { app?: string; userId: string }): ConversationTagView[];
}

/** RongCloud's documented callback policy: 5 s timeout, 2 retries (back-off unverified). */
const RONGCLOUD_RETRY = { timeoutMs: 5_000, retries: 2, backoffMs: 1_000 };

export async function startRongCloudEmulator(
  options: RongCloudEmulatorOptions,
): Promise<RongCloudEmulator> {
  const { running, vendor: started } = await startEmulatorWithDownloads(
    "application/zip",
    (ctx, origin) => new RongCloudVendor(ctx, options, undefined, origin),
    {
      ...definedFields(options, SHARED_OPTIONS),
      callbackRetry: { ...RONGCLOUD_RETRY, ...options.callbackRetry },
    },
  );
  return {
    ...running,
    conversationState: (input) => started.conversationState(input),
    storedMessage: (input) => started.storedMessage(input),
    moderation: (input) => started.moderation(input),
    chatroomView: (input) => started.chatroomView(input),
    conversationTags: (input) => started.conversationTags(input),
    pushes: (input = {}) => started.pushes(input),
  };
}
