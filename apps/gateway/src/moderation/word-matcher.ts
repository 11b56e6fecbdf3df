import { isUnspaced, tokenize, tokens } from "./normalize.js";

/** A configured word or phrase, as the matcher keeps it. */
interface Phrase {
  /** As configured, for logs and the rule name. */
  source: string;
  tokens: string[];
}

/**
 * Finds configured words and phrases in messages, after folding both (normalize.ts). Words
 * in spaced scripts match whole tokens (so "class" does not hold "ass"), also when the
 * sender ran a phrase's words together; words in unspaced scripts (Chinese, Japanese…)
 * match anywhere in the text.
 */
export class WordMatcher {
  /** Spaced phrases by their first token. */
  readonly #byFirst = new Map<string, Phrase[]>();
  /** Spaced phrases by their tokens run together ("bad word" → "badword"). */
  readonly #joined = new Map<string, Phrase>();
  readonly #unspaced: Phrase[] = [];

  constructor(words: readonly string[]) {
    for (const source of words) {
      const phrase = { source, tokens: tokens(source) };
      if (phrase.tokens.length === 0) continue;
      if (isUnspaced(source)) {
        this.#unspaced.push({ source, tokens: [phrase.tokens.join("")] });
        continue;
      }
      const first = phrase.tokens[0] as string;
      const list = this.#byFirst.get(first) ?? [];
      list.push(phrase);
      this.#byFirst.set(first, list);
      if (phrase.tokens.length > 1) this.#joined.set(phrase.tokens.join(""), phrase);
    }
  }

  get size(): number {
    return this.#byFirst.size + this.#joined.size + this.#unspaced.length;
  }

  /** The configured words the text holds, each once, in the order found. */
  find(text: string): string[] {
    const found = new Set<string>();
    const { tokens: list, runs } = tokenize(text);
    for (let i = 0; i < list.length; i++) {
      const token = list[i] as string;
      const joined = this.#joined.get(token);
      if (joined) found.add(joined.source);
      for (const phrase of this.#byFirst.get(token) ?? []) {
        if (phrase.tokens.every((t, k) => list[i + k] === t)) found.add(phrase.source);
      }
    }
    // Letters typed one by one: a word may sit inside the run ("a s c a m" → "ascam").
    for (const run of runs) {
      for (const [first, phrases] of this.#byFirst) {
        if (!run.includes(first)) continue;
        for (const phrase of phrases) {
          if (run.includes(phrase.tokens.join(""))) found.add(phrase.source);
        }
      }
    }
    if (this.#unspaced.length > 0) {
      const run = list.join("");
      for (const phrase of this.#unspaced) {
        if (run.includes(phrase.tokens[0] as string)) found.add(phrase.source);
      }
    }
    return [...found];
  }

  /**
   * The text with every matched whole word masked ("***"), where the sender's own tokens
   * are kept otherwise; null when nothing matched. Masks by the sender's characters, so
   * the rewrite removes the disguised word too.
   */
  mask(text: string, replacement = "***"): string | null {
    if (this.find(text).length === 0) return null;
    // Rewrite word by word: a source word whose folded tokens hold a match is masked.
    let changed = false;
    const masked = text.replace(/\S+/gu, (word) => {
      if (this.find(word).length === 0) return word;
      changed = true;
      return replacement;
    });
    return changed ? masked : replacement;
  }
}
