import { BadUserInputError } from "./errors.js";
import type { ExtensionWriteInput, ImportMessagesInput } from "./model/message-lifecycle.js";
import type { GroupUserRules } from "./operation-inputs.js";
import { checkHistoryConversation } from "./operation-inputs.js";
import type { KeyRule } from "./social-inputs.js";
import { checkCount, checkId, checkInt, checkText } from "./validation.js";

// Checks of message-lifecycle inputs that every adapter makes the same way, with its
// vendor's rules, before any vendor call.

/** Opaque message ids: at least one, each a non-empty string, no repeats. */
export function checkMessageIdList(field: string, ids: unknown, max?: number): string[] {
  if (!Array.isArray(ids) || ids.length === 0) {
    throw new BadUserInputError(field, `${field} must have at least 1 item.`);
  }
  ids.forEach((id, i) => {
    if (typeof id !== "string" || id.length === 0) {
      throw new BadUserInputError(`${field}[${i}]`, `${field}[${i}] must be a non-empty string.`);
    }
    if (ids.indexOf(id) !== i) {
      throw new BadUserInputError(
        `${field}[${i}]`,
        `${field}[${i}] repeats ${field}[${ids.indexOf(id)}].`,
      );
    }
  });
  if (max !== undefined) checkCount(field, ids, { min: 1, max });
  return ids as string[];
}

/** A vendor's rules for extension keys and values. */
export interface ExtensionRules {
  key: KeyRule & { maxChars: number };
  valueMaxBytes: number;
  /** Whether the vendor keeps versions (a write may name one). */
  versioned: boolean;
}

/** Keys and values to write: at least one, distinct keys by the vendor's rules. */
export function checkExtensionWrites(
  extensions: ExtensionWriteInput[],
  rules: ExtensionRules,
): ExtensionWriteInput[] {
  if (!Array.isArray(extensions) || extensions.length === 0) {
    throw new BadUserInputError("extensions", "extensions must have at least 1 item.");
  }
  const seen = new Set<string>();
  extensions.forEach((e, i) => {
    const field = `extensions[${i}]`;
    checkExtensionKey(`${field}.key`, e?.key, rules);
    if (seen.has(e.key)) {
      throw new BadUserInputError(`${field}.key`, `${field}.key repeats the key ${e.key}.`);
    }
    seen.add(e.key);
    checkText(`${field}.value`, e.value, { maxBytes: rules.valueMaxBytes, allowEmpty: true });
    if (e.version !== undefined) {
      if (!rules.versioned) {
        throw new BadUserInputError(
          `${field}.version`,
          `${field}.version cannot be honoured: this vendor keeps no versions of extension keys (the last write wins).`,
        );
      }
      checkInt(`${field}.version`, e.version, { min: 0 });
    }
  });
  return extensions;
}

/** Keys to remove: at least one, each by the vendor's key rule. */
export function checkExtensionKeys(keys: unknown, rules: ExtensionRules): string[] {
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new BadUserInputError("keys", "keys must have at least 1 item.");
  }
  keys.forEach((k, i) => {
    checkExtensionKey(`keys[${i}]`, k, rules);
  });
  return keys as string[];
}

function checkExtensionKey(field: string, key: unknown, rules: ExtensionRules): void {
  if (typeof key !== "string" || key.length === 0) {
    throw new BadUserInputError(field, `${field} must be a non-empty string.`);
  }
  if ([...key].length > rules.key.maxChars || !rules.key.pattern.test(key)) {
    throw new BadUserInputError(
      field,
      `${field} must be at most ${rules.key.maxChars} characters of ${rules.key.description}.`,
    );
  }
}

/**
 * Messages to import: a USER or GROUP conversation, at least one message, each sender valid
 * (in a USER conversation, one of its two users), times real, in the past and oldest first.
 */
export function checkImport(
  input: ImportMessagesInput,
  rules: GroupUserRules,
  now = Date.now(),
): ImportMessagesInput {
  const conversation = checkHistoryConversation(input?.conversation, rules);
  const messages = input.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new BadUserInputError("messages", "messages must have at least 1 item.");
  }
  let previous = Number.NEGATIVE_INFINITY;
  messages.forEach((m, i) => {
    const field = `messages[${i}]`;
    checkId(`${field}.senderId`, m?.senderId, rules.user);
    if (
      conversation.type === "USER" &&
      m.senderId !== conversation.userId &&
      m.senderId !== conversation.peerId
    ) {
      throw new BadUserInputError(
        `${field}.senderId`,
        `${field}.senderId must be one of the conversation's two users.`,
      );
    }
    const at = m.sentAt;
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
      throw new BadUserInputError(`${field}.sentAt`, `${field}.sentAt must be a valid date-time.`);
    }
    if (at.getTime() >= now) {
      throw new BadUserInputError(`${field}.sentAt`, `${field}.sentAt must be in the past.`);
    }
    if (at.getTime() < previous) {
      throw new BadUserInputError(
        `${field}.sentAt`,
        `${field}.sentAt is earlier than the message before it: import oldest first.`,
      );
    }
    previous = at.getTime();
  });
  return { conversation, messages };
}
