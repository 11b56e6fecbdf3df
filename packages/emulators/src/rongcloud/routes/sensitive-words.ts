/**
 * The sensitive-word list (#18 §2): `/sensitiveword/add.json`, `batch/add.json` (JSON),
 * `delete.json`, `batch/delete.json`, `list.json`. A word with a replaceWord replaces, one
 * without blocks; changes apply after the activation delay (15 minutes), listing at once.
 */
import { invalid, RcError, tooLong, tooMany } from "../errors.js";
import type { RouteContext, RouteTable } from "../route.js";
import type { AppState } from "../state.js";

const WORD_MAX = 32;
const WORDS_PER_CALL = 50;

function checkWord(field: string, value: unknown): string {
  if (typeof value !== "string" || value === "") throw invalid(field, "must be a non-empty string");
  if ([...value].length > WORD_MAX) throw tooLong(field, WORD_MAX, "characters");
  return value;
}

function checkReplace(field: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  if (typeof value !== "string") throw invalid(field, "must be a string");
  if ([...value].length > WORD_MAX) throw tooLong(field, WORD_MAX, "characters");
  return value;
}

/**
 * Over the app's cap: the whole call fails with the remaining quota (doc: "returning an
 * error code along with the remaining quota"). 1019 is the 2019 table's "sensitive-word
 * count over limit"; its HTTP status is unverified.
 */
function add(ctx: RouteContext, words: { word: string; replaceWord: string }[]) {
  const { app, now } = ctx;
  const fresh = new Set(words.map((w) => w.word).filter((w) => !app.sensitiveWords.has(w)));
  const remain = app.config.sensitiveWordMax - app.sensitiveWords.size;
  if (fresh.size > remain)
    throw new RcError(400, 1019, "sensitive word count over limit", { remainQuota: remain });
  const activeAt = now + app.config.sensitiveWordActivationMs;
  for (const { word, replaceWord } of words) {
    app.removedSensitiveWords.delete(word);
    app.sensitiveWords.set(word, { word, replaceWord, activeAt });
  }
  return { remainQuota: app.config.sensitiveWordMax - app.sensitiveWords.size };
}

/** A removed word keeps applying until its removal takes effect (same delay). */
function remove(app: AppState, now: number, words: string[]): void {
  for (const word of words) {
    const entry = app.sensitiveWords.get(word);
    if (!entry) continue;
    app.sensitiveWords.delete(word);
    if (entry.activeAt <= now)
      app.removedSensitiveWords.set(word, {
        ...entry,
        until: now + app.config.sensitiveWordActivationMs,
      });
  }
}

export const sensitiveWordRoutes: RouteTable = {
  "/sensitiveword/add.json": {
    handle(ctx) {
      const word = checkWord("word", ctx.p.required("word"));
      // The Node SDK also sends `type` (0 replace, 1 block): read, the replaceWord decides.
      ctx.p.optional("type");
      add(ctx, [{ word, replaceWord: checkReplace("replaceWord", ctx.p.optional("replaceWord")) }]);
      return undefined;
    },
  },
  "/sensitiveword/batch/add.json": {
    json: true,
    handle(ctx) {
      const list = ctx.p.value("words");
      if (!Array.isArray(list) || list.length === 0)
        throw invalid("words", "must be a non-empty array");
      if (list.length > WORDS_PER_CALL) throw tooMany("words", WORDS_PER_CALL);
      const words = list.map((item: unknown, i) => {
        const o = (typeof item === "object" && item !== null ? item : {}) as Record<
          string,
          unknown
        >;
        return {
          word: checkWord(`words[${i}].word`, o.word),
          replaceWord: checkReplace(`words[${i}].replaceWord`, o.replaceWord),
        };
      });
      return add(ctx, words);
    },
  },
  "/sensitiveword/delete.json": {
    handle(ctx) {
      remove(ctx.app, ctx.now, [checkWord("word", ctx.p.required("word"))]);
      return undefined;
    },
  },
  "/sensitiveword/batch/delete.json": {
    handle(ctx) {
      const words = ctx.p.list("words", { required: true, max: WORDS_PER_CALL });
      remove(
        ctx.app,
        ctx.now,
        words.map((w, i) => checkWord(`words[${i}]`, w)),
      );
      return undefined;
    },
  },
  "/sensitiveword/list.json": {
    emptyOk: true,
    handle(ctx) {
      // 0 replacing words, 1 blocking words (the default), 2 all (#18 §2).
      const type = ctx.p.optional("type") ?? "1";
      if (!["0", "1", "2"].includes(type)) throw invalid("type", "must be 0, 1 or 2");
      const words = [...ctx.app.sensitiveWords.values()]
        .map((w) => ({ word: w.word, replaceWord: w.replaceWord, type: w.replaceWord ? "0" : "1" }))
        .filter((w) => type === "2" || w.type === type);
      return { words };
    },
  },
};
