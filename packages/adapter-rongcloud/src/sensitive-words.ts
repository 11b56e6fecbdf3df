import {
  checkSensitiveWordsToAdd,
  checkSensitiveWordsToRemove,
  itemOk,
  runIdBatches,
  type SensitiveWord,
} from "@imgraph/core";
import { type Op, post, postJson } from "./context.js";
import {
  SENSITIVE_WORD_ACTIVATION_SECONDS,
  SENSITIVE_WORD_CAP,
  SENSITIVE_WORD_RULES,
  SENSITIVE_WORDS_PER_CALL,
} from "./limits.js";

// RongCloud's sensitive-word list (vendor reference #18 §2): a word with a replacement is
// replaced in text messages, one without blocks them; changes apply after 15 minutes.

/** Batches of 50 (`/sensitiveword/batch/add.json`, JSON): a batch succeeds or fails whole. */
export const addSensitiveWords: Op<"addSensitiveWords"> = async (ctx, input, options) => {
  const words = checkSensitiveWordsToAdd(input, SENSITIVE_WORD_RULES);
  const byWord = new Map(words.map((w) => [w.word, w]));
  return runIdBatches(ctx, [...byWord.keys()], SENSITIVE_WORDS_PER_CALL, async (chunk) => {
    const batch = chunk.map((word) => {
      const replacement = byWord.get(word)?.replacement;
      return replacement ? { word, replaceWord: replacement } : { word };
    });
    await postJson(
      ctx,
      "addSensitiveWords",
      "/sensitiveword/batch/add.json",
      { words: batch },
      options,
    );
    return chunk.map((word) => itemOk(word, true as const));
  });
};

/** Batches of 50 (`/sensitiveword/batch/delete.json`, `words` repeated); an unknown word is fine. */
export const removeSensitiveWords: Op<"removeSensitiveWords"> = async (ctx, input, options) => {
  const words = checkSensitiveWordsToRemove(input, SENSITIVE_WORD_RULES);
  return runIdBatches(ctx, words, SENSITIVE_WORDS_PER_CALL, async (chunk) => {
    await post(
      ctx,
      "removeSensitiveWords",
      "/sensitiveword/batch/delete.json",
      { words: chunk },
      options,
      true,
    );
    return chunk.map((word) => itemOk(word, true as const));
  });
};

interface ListAnswer {
  words?: { word?: unknown; replaceWord?: unknown }[];
}

/** `type=2`: every word (RongCloud lists only blocking words by default). */
export const listSensitiveWords: Op<"listSensitiveWords"> = async (ctx, _input, options) => {
  const answer = await post<ListAnswer>(
    ctx,
    "listSensitiveWords",
    "/sensitiveword/list.json",
    { type: "2" },
    options,
    true,
  );
  const words: SensitiveWord[] = (answer.words ?? [])
    .filter((w): w is { word: string; replaceWord?: unknown } => typeof w.word === "string")
    .map((w) => ({
      word: w.word,
      // An empty replaceWord marks a blocking word.
      replacement: typeof w.replaceWord === "string" && w.replaceWord !== "" ? w.replaceWord : null,
    }));
  return {
    words,
    maxWords: SENSITIVE_WORD_CAP,
    activationDelaySeconds: SENSITIVE_WORD_ACTIVATION_SECONDS,
  };
};
