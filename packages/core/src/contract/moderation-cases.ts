import { expect } from "vitest";
import { expectAllOk } from "./expect.js";
import type { ContractKit } from "./kit.js";

/** The vendor's sensitive-word list: the same behaviour on every vendor that keeps one. */
export function moderationCases({ adapter, id, check, refuses }: ContractKit) {
  // Words unique to the run, letters only (every vendor's word rules take them).
  const word = (prefix: string) => id(prefix).replace(/[0-9]/g, "x");

  check(
    "moderation.sensitive-words",
    ["addSensitiveWords", "listSensitiveWords", "removeSensitiveWords"],
    async () => {
      const [w1, w2] = [word("badword"), word("worseword")];
      const added = await adapter().addSensitiveWords({
        words: [
          { word: w1, replacement: null },
          { word: w2, replacement: null },
        ],
      });
      expect(added.map((r) => r.key)).toEqual([w1, w2]);
      expectAllOk(added);
      const listed = await adapter().listSensitiveWords({});
      expect(listed.words).toEqual(
        expect.arrayContaining([
          { word: w1, replacement: null },
          { word: w2, replacement: null },
        ]),
      );
      if (listed.maxWords !== null) expect(listed.maxWords).toBeGreaterThan(0);
      if (listed.activationDelaySeconds !== null) {
        expect(listed.activationDelaySeconds).toBeGreaterThanOrEqual(0);
      }
      const removed = await adapter().removeSensitiveWords({ words: [w1] });
      expect(removed.map((r) => r.key)).toEqual([w1]);
      expectAllOk(removed);
      const after = (await adapter().listSensitiveWords({})).words.map((w) => w.word);
      expect(after).not.toContain(w1);
      expect(after).toContain(w2);
      expectAllOk(await adapter().removeSensitiveWords({ words: [w2] }));
    },
  );

  // Skipped (with the reason) by vendors that keep no replacements.
  check(
    "moderation.sensitive-word-replacement",
    ["addSensitiveWords", "listSensitiveWords"],
    async () => {
      const w = word("replaced");
      expectAllOk(await adapter().addSensitiveWords({ words: [{ word: w, replacement: "***" }] }));
      const listed = await adapter().listSensitiveWords({});
      expect(listed.words).toContainEqual({ word: w, replacement: "***" });
      expectAllOk(await adapter().removeSensitiveWords({ words: [w] }));
    },
  );

  check(
    "moderation.sensitive-words-invalid",
    ["addSensitiveWords", "removeSensitiveWords"],
    async () => {
      await refuses(() => adapter().addSensitiveWords({ words: [] }), "words");
      await refuses(
        () => adapter().addSensitiveWords({ words: [{ word: " ", replacement: null }] }),
        "words[0].word",
      );
      await refuses(
        () =>
          adapter().addSensitiveWords({
            words: [
              { word: "same", replacement: null },
              { word: "same", replacement: null },
            ],
          }),
        "words[1]",
      );
      await refuses(
        () =>
          adapter().addSensitiveWords({ words: [{ word: "x".repeat(1000), replacement: null }] }),
        "words[0].word",
      );
      await refuses(() => adapter().removeSensitiveWords({ words: [] }), "words");
      await refuses(() => adapter().removeSensitiveWords({ words: [""] }), "words[0]");
    },
  );
}
