// Text as the word rules see it: the same letters however a sender disguises them. Applied
// to the configured words and to every message alike.

/**
 * Look-alike letters (Cyrillic, Greek) and common digit/symbol stand-ins, to Latin. Not "!"
 * or "|": as punctuation they are far more common than as letters.
 */
const LOOK_ALIKES: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ї: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ɡ: "g",
  ӏ: "l",
  α: "a",
  β: "b",
  ε: "e",
  η: "n",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ω: "w",
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "8": "b",
  "@": "a",
  $: "s",
};

/**
 * Characters that render as nothing (zero-width spaces and joiners, soft hyphens, BOMs,
 * direction marks); the invisible combining ones (joiners, variation selectors) go with
 * the marks below.
 */
const INVISIBLE =
  /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]/gu;
const MARKS = /\p{M}/gu;
/** What separates tokens: anything but letters, and the digits and symbols read as letters. */
const SEPARATOR = /[^\p{L}\p{N}@$]+/u;
/** Scripts written without spaces: matched inside runs, not as whole tokens. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/**
 * Compatibility forms folded (full-width, ligatures, styled letters), accents and
 * invisible characters dropped, case folded, look-alikes mapped: "Ｂ̲ＡＤ", "bаd" (Cyrillic
 * а) and "b@d" all read "bad".
 */
export function foldText(text: string): string {
  const plain = text.normalize("NFKD").replace(MARKS, "").replace(INVISIBLE, "").toLowerCase();
  let out = "";
  for (const ch of plain) out += LOOK_ALIKES[ch] ?? ch;
  return out.normalize("NFC");
}

/**
 * The folded text as tokens, with runs of one-character tokens joined: "b a d", "b.a.d" and
 * "b-a-d" become the token "bad". `runs` are those joined runs (where a word may hide next
 * to a one-letter word: "a b a d" is the run "abad").
 */
export function tokenize(text: string): { tokens: string[]; runs: string[] } {
  const raw = foldText(text)
    .split(SEPARATOR)
    .filter((t) => t.length > 0);
  const out: string[] = [];
  const runs: string[] = [];
  let run = "";
  let letters = 0;
  const endRun = () => {
    if (run) out.push(run);
    if (letters > 1) runs.push(run);
    run = "";
    letters = 0;
  };
  for (const token of raw) {
    if ([...token].length === 1) {
      run += token;
      letters++;
      continue;
    }
    endRun();
    out.push(token);
  }
  endRun();
  return { tokens: out, runs };
}

/** The folded text's tokens (see tokenize). */
export function tokens(text: string): string[] {
  return tokenize(text).tokens;
}

/** Whether a word is written in a script without spaces (matched inside text runs). */
export function isUnspaced(word: string): boolean {
  return UNSPACED.test(word);
}
