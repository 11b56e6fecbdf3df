import { describe, expect, it } from "vitest";
import { BatchLoader } from "../src/batch-loader.js";

/** A fetch that records its calls and answers `name:<key>`, or an Error for keys starting with "x". */
function recording(options: { fail?: () => Error | undefined; delayMs?: number } = {}) {
  const calls: string[][] = [];
  const fetch = async (keys: string[]) => {
    calls.push(keys);
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    const failure = options.fail?.();
    if (failure) throw failure;
    return keys.map((k) => (k.startsWith("x") ? new Error(`no ${k}`) : `name:${k}`));
  };
  return { calls, loader: new BatchLoader<string>(fetch) };
}

describe("BatchLoader", () => {
  it("answers loadMany in order, per key an item or its Error, in one call", async () => {
    const { calls, loader } = recording();
    const answers = await loader.loadMany(["a", "x1", "b"]);
    expect(answers.map((a) => (a instanceof Error ? a.message : a))).toEqual([
      "name:a",
      "no x1",
      "name:b",
    ]);
    expect(calls).toEqual([["a", "x1", "b"]]);
  });

  it("batches the loads made in the same level into one call without repeating a key", async () => {
    const { calls, loader } = recording();
    const [one, many, again] = await Promise.all([
      loader.load("a"),
      loader.loadMany(["b", "a", "c"]),
      loader.load("c"),
    ]);
    expect(one).toBe("name:a");
    expect(many).toEqual(["name:b", "name:a", "name:c"]);
    expect(again).toBe("name:c");
    expect(calls).toHaveLength(1);
    expect([...(calls[0] ?? [])].sort()).toEqual(["a", "b", "c"]);
  });

  it("answers keys it already has from memory and fetches only the new ones", async () => {
    const { calls, loader } = recording();
    await loader.loadMany(["a", "b"]);
    expect(await loader.loadMany(["b", "c", "a"])).toEqual(["name:b", "name:c", "name:a"]);
    expect(await loader.load("a")).toBe("name:a");
    expect(calls).toEqual([["a", "b"], ["c"]]);
  });

  it("a key already in flight joins that call instead of starting another", async () => {
    const { calls, loader } = recording({ delayMs: 20 });
    const first = loader.loadMany(["a", "b"]);
    await new Promise((r) => setTimeout(r, 5)); // the first call is out, not answered yet
    const second = loader.loadMany(["b", "c"]);
    expect(await second).toEqual(["name:b", "name:c"]);
    expect(await first).toEqual(["name:a", "name:b"]);
    expect(calls).toEqual([["a", "b"], ["c"]]);
  });

  it("load rejects with the key's Error; loadMany keeps it in place", async () => {
    const { loader } = recording();
    await expect(loader.load("x9")).rejects.toThrow("no x9");
    const [a, x] = await loader.loadMany(["a", "x9"]);
    expect(a).toBe("name:a");
    expect(x).toBeInstanceOf(Error);
  });

  it("a call that fails as a whole answers that error for its keys, and is not remembered", async () => {
    let down = true;
    const { calls, loader } = recording({
      fail: () => (down ? new Error("vendor down") : undefined),
    });
    const failed = await loader.loadMany(["a", "b"]);
    expect(failed.map((f) => (f instanceof Error ? f.message : f))).toEqual([
      "vendor down",
      "vendor down",
    ]);
    await expect(loader.load("a")).rejects.toThrow("vendor down");
    down = false;
    expect(await loader.load("a")).toBe("name:a");
    expect(calls).toEqual([["a", "b"], ["a"], ["a"]]);
  });

  it("a fetch that answers too few values gives the missing keys an error", async () => {
    const loader = new BatchLoader<string>(async (keys) => keys.slice(0, 1).map((k) => `v${k}`));
    const answers = await loader.loadMany(["a", "b"]);
    expect(answers[0]).toBe("va");
    expect(answers[1]).toBeInstanceOf(Error);
  });
});
