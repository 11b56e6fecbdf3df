import { BadUserInputError } from "./errors.js";
import type { AddSensitiveWordsInput, SensitiveWord } from "./model/moderation.js";

// Checks of sensitive-word inputs that every adapter makes the same way, with its vendor's
// rules, before any vendor call.

/** A vendor's rules for its sensitive-word list. */
export interface SensitiveWordRules {
  /** The longest word, in characters. */
  maxLength: number;
  /** The longest replacement, in characters; null when the vendor keeps no replacements. */
  replacementMaxLength: number | null;
}

function checkWord(field: string, word: unknown, maxLength: number): string {
  if (typeof word !== "string" || word.trim() === "") {
    throw new BadUserInputError(field, `${field} must be a non-empty word.`);
  }
  if (word !== word.trim()) {
    throw new BadUserInputError(field, `${field} must not start or end with white space.`);
  }
  if ([...word].length > maxLength) {
    throw new BadUserInputError(field, `${field} must be at most ${maxLength} characters.`);
  }
  return word;
}

function checkList<T>(field: string, list: unknown): T[] {
  if (!Array.isArray(list) || list.length === 0) {
    throw new BadUserInputError(field, `${field} must have at least 1 item.`);
  }
  return list as T[];
}

function noRepeats(field: string, words: readonly string[]): void {
  const seen = new Set<string>();
  words.forEach((word, i) => {
    if (seen.has(word)) throw new BadUserInputError(`${field}[${i}]`, `"${word}" is listed twice.`);
    seen.add(word);
  });
}

/** Words to add: each a word, and a replacement only where the vendor keeps them. */
export function checkSensitiveWordsToAdd(
  input: AddSensitiveWordsInput,
  rules: SensitiveWordRules,
): SensitiveWord[] {
  const list = checkList<SensitiveWord>("words", input?.words);
  const words = list.map((entry, i) => {
    const word = checkWord(`words[${i}].word`, entry?.word, rules.maxLength);
    const replacement = entry?.replacement ?? null;
    if (replacement === null) return { word, replacement: null };
    const field = `words[${i}].replacement`;
    if (rules.replacementMaxLength === null) {
      throw new BadUserInputError(
        field,
        `${field}: this vendor keeps no replacements; a listed word blocks the message.`,
      );
    }
    return { word, replacement: checkWord(field, replacement, rules.replacementMaxLength) };
  });
  noRepeats(
    "words",
    words.map((w) => w.word),
  );
  return words;
}

/** Words to remove. */
export function checkSensitiveWordsToRemove(
  input: { words: string[] },
  rules: SensitiveWordRules,
): string[] {
  const words = checkList<string>("words", input?.words).map((word, i) =>
    checkWord(`words[${i}]`, word, rules.maxLength),
  );
  noRepeats("words", words);
  return words;
}
