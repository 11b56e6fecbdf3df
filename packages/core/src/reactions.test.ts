import { describe, expect, it } from "vitest";
import { BadUserInputError } from "./errors.js";
import type {
  ExtensionWrite,
  MessageExtension,
  SetMessageExtensionsInput,
} from "./model/message-lifecycle.js";
import { reactionKey, reactionsOverExtensions } from "./reactions.js";

/** An in-memory extension store with the versioning rule of a versioned vendor. */
function store(versioned: boolean) {
  const keys = new Map<string, MessageExtension>();
  let clock = 0;
  /** Runs before the next write, to simulate a concurrent writer. */
  let interleave: (() => void) | null = null;
  const write = (key: string, value: string) => {
    clock += 1;
    keys.set(key, { key, value, version: versioned ? clock : null });
  };
  const handlers = {
    getMessageExtensions: async () => [...keys.values()],
    setMessageExtensions: async (
      _ctx: null,
      input: SetMessageExtensionsInput,
    ): Promise<ExtensionWrite[]> => {
      const race = interleave;
      interleave = null;
      race?.();
      return input.extensions.map((e) => {
        const current = keys.get(e.key);
        if (versioned && e.version !== undefined && (current?.version ?? 0) !== e.version) {
          return { key: e.key, applied: false, current: current ?? null };
        }
        write(e.key, e.value);
        return { key: e.key, applied: true, current: keys.get(e.key) ?? null };
      });
    },
  };
  const race = (f: () => void) => {
    interleave = f;
  };
  return { handlers, write, race };
}

describe("reactions kept in message extensions", () => {
  it("adds, lists and removes users' reactions per emoji", async () => {
    const s = store(true);
    const r = reactionsOverExtensions(s.handlers, true);
    const m = { messageId: "m1" };
    await r.addReaction(null, { ...m, userId: "u1", emoji: "👍" });
    const after = await r.addReaction(null, { ...m, userId: "u2", emoji: "👍" });
    expect(after).toEqual([{ emoji: "👍", userIds: ["u1", "u2"] }]);
    // Adding again changes nothing.
    expect(await r.addReaction(null, { ...m, userId: "u2", emoji: "👍" })).toEqual(after);
    await r.addReaction(null, { ...m, userId: "u1", emoji: "🎉" });
    // In a stable order: by extension key (🎉 rx_1f389 before 👍 rx_1f44d).
    expect(await r.removeReaction(null, { ...m, userId: "u1", emoji: "👍" })).toEqual([
      { emoji: "🎉", userIds: ["u1"] },
      { emoji: "👍", userIds: ["u2"] },
    ]);
    expect(await r.listReactions(null, m)).toHaveLength(2);
  });

  it("loses no reaction to a concurrent writer where the vendor keeps versions", async () => {
    const s = store(true);
    const r = reactionsOverExtensions(s.handlers, true);
    const key = reactionKey("👍");
    // Another user's reaction lands between our read and our write.
    s.race(() => s.write(key, JSON.stringify(["other"])));
    const result = await r.addReaction(null, { messageId: "m1", userId: "me", emoji: "👍" });
    expect(result).toEqual([{ emoji: "👍", userIds: ["other", "me"] }]);
  });

  it("refuses what is not one emoji", () => {
    expect(reactionKey("👍🏽")).toBe("rx_1f44d-1f3fd");
    for (const bad of ["", "ab", "👍👍", "x"]) {
      expect(() => reactionKey(bad)).toThrow(BadUserInputError);
    }
  });

  it("refuses a huge emoji before segmenting it (segmenting one ran the process out of memory)", async () => {
    const r = reactionsOverExtensions(store(true).handlers, true);
    for (const emoji of ["👍".repeat(50_000), "a".repeat(100_000)]) {
      await expect(r.addReaction(null, { messageId: "m1", userId: "u1", emoji })).rejects.toThrow(
        expect.objectContaining({
          code: "BAD_USER_INPUT",
          field: "emoji",
          message: "emoji must be exactly one emoji.",
        }),
      );
    }
  });
});
