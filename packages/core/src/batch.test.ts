import { describe, expect, it } from "vitest";
import { chunked, runBatched, runEach, runIdBatches } from "./batch.js";
import { InternalError, NotFoundError, VendorUnavailableError } from "./errors.js";
import { withProgress } from "./progress.js";
import { itemError, itemOk } from "./results.js";

describe("runBatched", () => {
  it("chunks by the per-call limit, caps concurrency and answers in key order", async () => {
    const keys = Array.from({ length: 25 }, (_, i) => `u${i}`);
    const calls: string[][] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const results = await runBatched(keys, {
      size: 10,
      concurrency: 2,
      keyOf: (k) => k,
      run: async (chunk) => {
        calls.push(chunk);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 5 * (3 - calls.length)));
        inFlight--;
        // Answer out of order: the helper restores key order.
        return [...chunk].reverse().map((k) => itemOk(k, k.toUpperCase()));
      },
    });
    expect(calls.map((c) => c.length)).toEqual([10, 10, 5]);
    expect(maxInFlight).toBe(2);
    expect(results.map((r) => r.key)).toEqual(keys);
    expect(results.every((r) => r.ok && r.value === r.key.toUpperCase())).toBe(true);
  });

  it("gives per-item errors for partial success and for keys the vendor skipped", async () => {
    const results = await runBatched(["a", "b", "c"], {
      size: 3,
      keyOf: (k) => k,
      run: async () => [itemOk("a", 1), itemError("b", new NotFoundError("no b"))],
      missing: (k) => new NotFoundError(`no ${k}`),
    });
    expect(results.map((r) => (r.ok ? "ok" : r.error.code))).toEqual([
      "ok",
      "NOT_FOUND",
      "NOT_FOUND",
    ]);
  });

  it("fails only the keys of a chunk whose call failed", async () => {
    const results = await runBatched(["a", "b", "c", "d"], {
      size: 2,
      keyOf: (k) => k,
      run: async (chunk) => {
        if (chunk.includes("c")) throw new VendorUnavailableError("tencent", "down");
        return chunk.map((k) => itemOk(k, true));
      },
    });
    expect(results.map((r) => r.ok)).toEqual([true, true, false, false]);
  });

  it("sends a repeated key once and answers it at every place", async () => {
    const sent: string[][] = [];
    const results = await runBatched(["a", "b", "a", "c", "b"], {
      size: 10,
      keyOf: (k) => k,
      run: async (chunk) => {
        sent.push(chunk);
        return chunk.map((k) => itemOk(k, k));
      },
    });
    expect(sent).toEqual([["a", "b", "c"]]);
    expect(results.map((r) => r.key)).toEqual(["a", "b", "a", "c", "b"]);
  });

  it("propagates programming errors instead of hiding them per item", async () => {
    await expect(
      runBatched(["a"], {
        size: 1,
        keyOf: (k) => k,
        run: async () => {
          throw new TypeError("bug");
        },
      }),
    ).rejects.toThrow(TypeError);
  });
});

describe("runIdBatches", () => {
  it("sends a repeated id once, in chunks of the size, and answers it at each place", async () => {
    const calls: string[][] = [];
    const results = await runIdBatches(
      { concurrency: 1 },
      ["a", "b", "a", "c"],
      2,
      async (chunk) => {
        calls.push(chunk);
        return chunk.map((id) => itemOk(id, id.length));
      },
    );
    expect(calls).toEqual([["a", "b"], ["c"]]);
    expect(results.map((r) => r.key)).toEqual(["a", "b", "a", "c"]);
    expect(results.every((r) => r.ok && r.value === 1)).toBe(true);
  });
});

describe("runEach", () => {
  it("runs one item a call, a repeated key once, and answers in the items' order", async () => {
    const calls: string[] = [];
    const results = await runEach(
      { concurrency: 2 },
      [{ id: "a" }, { id: "b" }, { id: "a" }, { id: "c" }],
      (item) => item.id,
      async (item) => {
        calls.push(item.id);
        return item.id === "c" ? undefined : itemOk(item.id, item.id.toUpperCase());
      },
    );
    expect(calls.sort()).toEqual(["a", "b", "c"]);
    expect(results.map((r) => [r.key, r.ok && r.value])).toEqual([
      ["a", "A"],
      ["b", "B"],
      ["a", "A"],
      ["c", false],
    ]);
    expect(results[3]).toMatchObject({ ok: false, error: { message: "No answer for c." } });
  });
});

describe("chunked", () => {
  it("splits items in order into runs of the size, the last shorter; none for no items", () => {
    expect(chunked([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunked([1, 2], 2)).toEqual([[1, 2]]);
    expect(chunked([], 3)).toEqual([]);
  });
});

describe("progress of a batch", () => {
  const ok = (chunk: string[]) => Promise.resolve(chunk.map((k) => itemOk(k, true)));

  it("tells the operation's reporter after each vendor call of a batch of several", async () => {
    const seen: Array<[number, number]> = [];
    const ids = ["a", "b", "c", "d", "e", "a"];
    await withProgress(
      (done, total) => seen.push([done, total]),
      () => runIdBatches({ concurrency: 1 }, ids, 2, ok),
    );
    // Five distinct ids in three calls: each call's ids counted once.
    expect(seen).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it("says nothing for a single call, or outside an operation that asked", async () => {
    const seen: number[] = [];
    await withProgress(
      (done) => seen.push(done),
      () => runIdBatches({}, ["a", "b"], 10, ok),
    );
    expect(seen).toEqual([]);
    await expect(runIdBatches({}, ["a", "b", "c"], 1, ok)).resolves.toHaveLength(3);
  });

  it("counts a failed call's keys as done too", async () => {
    const seen: number[] = [];
    await withProgress(
      (done) => seen.push(done),
      () =>
        runIdBatches({ concurrency: 1 }, ["a", "b", "c"], 2, (chunk) =>
          chunk.includes("c") ? Promise.reject(new InternalError("down")) : ok(chunk),
        ),
    );
    expect(seen).toEqual([2, 3]);
  });
});
