import type { CallOptions } from "./adapter.js";
import { BadUserInputError, ImError } from "./errors.js";
import type { MessageExtension, Reaction, ReactionInput } from "./model/message-lifecycle.js";
import type { Handler } from "./operations/implement.js";

// Reactions kept in a message's extensions, for vendors whose server API has extensions but
// no reactions: one key per emoji ("rx_" and the emoji's code points in hex), its value the
// JSON list of the users who reacted. Writes name the key's version where the vendor keeps
// versions, and retry on a conflict, so concurrent reactions are not lost there; where the
// vendor keeps none, the last write wins (said in the vendor's docs).

const PREFIX = "rx_";
/** Fits the tightest vendor key rule (RongCloud: 32 characters of A-Z a-z 0-9 _ = + -). */
const MAX_KEY_CHARS = 32;
const ATTEMPTS = 5;
/**
 * The longest emoji taken, in UTF-16 code units, checked before segmenting: V8 gives every
 * segment its own copy of the input, so segmenting a long string takes memory in the square
 * of its length. The longest emoji sequences (ZWJ families and kisses with skin tones, tag
 * flags) are about 15 units, and a key of MAX_KEY_CHARS holds fewer still: 64 is generous.
 */
const MAX_EMOJI_UNITS = 64;

/** The extension key of an emoji; refuses what is not one short emoji sequence. */
export function reactionKey(emoji: unknown): string {
  if (typeof emoji !== "string" || emoji.length === 0) {
    throw new BadUserInputError("emoji", "emoji must be a non-empty string.");
  }
  if (emoji.length > MAX_EMOJI_UNITS)
    throw new BadUserInputError("emoji", "emoji must be exactly one emoji.");
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(emoji)];
  if (graphemes.length !== 1 || !/\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(emoji)) {
    throw new BadUserInputError("emoji", "emoji must be exactly one emoji.");
  }
  const points = [...emoji].map((c) => (c.codePointAt(0) as number).toString(16));
  const key = `${PREFIX}${points.join("-")}`;
  if (key.length > MAX_KEY_CHARS) {
    throw new BadUserInputError("emoji", "emoji is a sequence too long to keep as a reaction.");
  }
  return key;
}

function emojiOf(key: string): string {
  return String.fromCodePoint(
    ...key
      .slice(PREFIX.length)
      .split("-")
      .map((h) => Number.parseInt(h, 16)),
  );
}

function usersOf(extension: MessageExtension | undefined): string[] {
  if (!extension) return [];
  try {
    const parsed: unknown = JSON.parse(extension.value);
    return Array.isArray(parsed) ? parsed.filter((u): u is string => typeof u === "string") : [];
  } catch {
    return [];
  }
}

/** The reactions among a message's extensions, by extension key (a stable order), empty ones left out. */
export function reactionsOf(extensions: MessageExtension[]): Reaction[] {
  return extensions
    .filter((e) => e.key.startsWith(PREFIX))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((e) => ({ emoji: emojiOf(e.key), userIds: usersOf(e) }))
    .filter((r) => r.userIds.length > 0);
}

interface ExtensionHandlers<Ctx> {
  getMessageExtensions: Handler<Ctx, "getMessageExtensions">;
  setMessageExtensions: Handler<Ctx, "setMessageExtensions">;
}

/**
 * addReaction, removeReaction and listReactions over an adapter's extension handlers (which
 * check the message id and call the vendor).
 */
export function reactionsOverExtensions<Ctx>(
  extensions: ExtensionHandlers<Ctx>,
  /** Whether the vendor keeps versions of extension keys (and honours conditional writes). */
  versioned: boolean,
) {
  async function change(ctx: Ctx, input: ReactionInput, add: boolean, options?: CallOptions) {
    const key = reactionKey(input?.emoji);
    if (typeof input.userId !== "string" || input.userId.length === 0) {
      throw new BadUserInputError("userId", "userId must be a non-empty string.");
    }
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const all = await extensions.getMessageExtensions(
        ctx,
        { messageId: input.messageId },
        options,
      );
      const current = all.find((e) => e.key === key);
      const users = usersOf(current);
      const has = users.includes(input.userId);
      if (has === add) return reactionsOf(all);
      const next = add ? [...users, input.userId] : users.filter((u) => u !== input.userId);
      const [written] = await extensions.setMessageExtensions(
        ctx,
        {
          messageId: input.messageId,
          extensions: [
            {
              key,
              value: JSON.stringify(next),
              // Where the vendor keeps versions, write only over what was read.
              ...(versioned ? { version: current?.version ?? 0 } : {}),
            },
          ],
        },
        options,
      );
      if (written?.applied) {
        const others = all.filter((e) => e.key !== key);
        return reactionsOf(written.current ? [...others, written.current] : others);
      }
    }
    throw new ImError(
      "VENDOR_REJECTED",
      `The reaction could not be saved: the message's ${key} extension kept changing (${ATTEMPTS} attempts).`,
    );
  }

  return {
    addReaction: (ctx: Ctx, input: ReactionInput, options?: CallOptions) =>
      change(ctx, input, true, options),
    removeReaction: (ctx: Ctx, input: ReactionInput, options?: CallOptions) =>
      change(ctx, input, false, options),
    listReactions: async (ctx: Ctx, input: { messageId: string }, options?: CallOptions) =>
      reactionsOf(await extensions.getMessageExtensions(ctx, input, options)),
  };
}
