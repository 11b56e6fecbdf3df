import { describe, expect, it } from "vitest";
import { foldText, tokens } from "../src/moderation/normalize.js";
import { WordMatcher } from "../src/moderation/word-matcher.js";

describe("folding text the way word rules read it", () => {
  it("undoes look-alikes, full-width forms, accents, case and invisible characters", () => {
    expect(foldText("ＢＡＤ")).toBe("bad");
    expect(foldText("bаd")).toBe("bad"); // Cyrillic а
    expect(foldText("ΒΑD")).toBe("bad"); // Greek capitals
    expect(foldText("bád")).toBe("bad");
    expect(foldText("b\u200Bad")).toBe("bad");
    expect(foldText("b\u034Fa\uFE0Fd\u00AD")).toBe("bad");
    expect(foldText("B@D")).toBe("bad");
    expect(foldText("5p4m")).toBe("spam");
  });

  it("joins letters spread out with spaces or punctuation into one token", () => {
    expect(tokens("you are b a d")).toEqual(["you", "are", "bad"]);
    expect(tokens("b.a.d!")).toEqual(["bad"]);
    expect(tokens("b-a-d word")).toEqual(["bad", "word"]);
  });
});

describe("WordMatcher", () => {
  const m = new WordMatcher(["bad", "bad word", "坏词", "ass"]);

  it("finds a word however it is disguised", () => {
    for (const text of [
      "that is bad",
      "that is BAD!",
      "that is b a d",
      "that is b.a.d",
      "that is bаd", // Cyrillic а
      "that is ｂａｄ",
      "that is b\u200Bad",
      "that is B@D",
    ]) {
      expect(m.find(text), text).toContain("bad");
    }
  });

  it("matches whole words in spaced scripts, so innocent words are not caught", () => {
    expect(m.find("a classic badge, passed")).toEqual([]);
    expect(m.find("what an ass")).toEqual(["ass"]);
  });

  it("matches phrases, also run together, and words of unspaced scripts inside text", () => {
    expect(m.find("such a bad   word")).toEqual(["bad", "bad word"]);
    expect(m.find("such a badword")).toEqual(["bad word"]);
    expect(m.find("这是坏词啊")).toEqual(["坏词"]);
    expect(m.find("这 是 坏 词")).toEqual(["坏词"]);
  });

  it("masks the words the sender wrote, keeping the rest", () => {
    const masker = new WordMatcher(["darn"]);
    expect(masker.mask("well DARN it")).toBe("well *** it");
    expect(masker.mask("well d4rn, it")).toBe("well *** it");
    expect(masker.mask("nothing here")).toBeNull();
    // Spread over several words: the whole text goes rather than leave the word readable.
    expect(masker.mask("d a r n")).toBe("***");
  });
});
