import type { Conversation, MessageContent } from "./message.js";

/** A word (or phrase) on the vendor's sensitive-word list. */
export interface SensitiveWord {
  word: string;
  /** What the vendor puts in its place; null: a message holding it is blocked. */
  replacement: string | null;
}

export interface AddSensitiveWordsInput {
  words: SensitiveWord[];
}

/** The vendor's list, with how it applies changes. */
export interface SensitiveWordList {
  words: SensitiveWord[];
  /** The most words the vendor keeps for an app; null where it states none. */
  maxWords: number | null;
  /** How long the vendor takes to enforce a change; null where it states none. */
  activationDelaySeconds: number | null;
}

/**
 * A message a vendor asks about before delivering it (its pre-send callback): who sends
 * what where. Built by the adapter from a verified callback.
 */
export interface PreSendCheck {
  senderId: string;
  conversation: Conversation;
  content: MessageContent;
  /** The vendor's own key of the message where the callback carries one (for logs). */
  vendorMessageKey: string | null;
}

/** What the gateway answers a pre-send callback. */
export type ModerationDecision =
  | { action: "ALLOW" }
  /** `reason` reaches the sender's client where the vendor carries one. */
  | { action: "BLOCK"; reason: string }
  /** The text to deliver instead (text messages only). */
  | { action: "REWRITE"; text: string };
