// Test helper: every single-character substitution of a string.

/** Yields `s` with the character at each position replaced by another one from `alphabet`. */
export function* singleCharMutations(s: string, alphabet: string): Generator<[number, string]> {
  for (let i = 0; i < s.length; i++) {
    const current = s[i] ?? "";
    const at = alphabet.indexOf(current);
    // Pick a deterministic different character: the next one in the alphabet.
    const replacement = alphabet[(at + 1) % alphabet.length] ?? "";
    yield [i, s.slice(0, i) + replacement + s.slice(i + 1)];
  }
}

/** Yields `s` with the character at each position replaced by every other character of `alphabet`. */
export function* allSingleCharMutations(s: string, alphabet: string): Generator<[number, string]> {
  for (let i = 0; i < s.length; i++) {
    for (const replacement of alphabet) {
      if (replacement !== s[i]) yield [i, s.slice(0, i) + replacement + s.slice(i + 1)];
    }
  }
}

export const HEX_LOWER = "0123456789abcdef";
export const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
export const USERSIG_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-_";

/** A random printable ASCII string of the given length (no spaces). */
export function randomAscii(length: number, random: () => number = Math.random): string {
  let out = "";
  for (let i = 0; i < length; i++) out += String.fromCharCode(33 + Math.floor(random() * 94));
  return out;
}
