import {
  BadUserInputError,
  type CallOptions,
  deadlineOf,
  type ItemResult,
  itemError,
  itemOk,
  markDeadline,
  NotFoundError,
} from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { ReadCoalescer } from "../src/read-coalescer.js";

// The merging logic alone: a recording read function stands in for the adapter here; the
// real adapter and emulator are in coalescing.test.ts.

function recorder(fail?: Error, takesMs = 5) {
  const calls: Array<{ ids: string[]; options: CallOptions }> = [];
  const read = async (ids: string[], options: CallOptions): Promise<ItemResult<string>[]> => {
    calls.push({ ids, options });
    await new Promise((r) => setTimeout(r, takesMs));
    if (fail) throw fail;
    return ids.map((id) =>
      id.startsWith("ghost")
        ? itemError(id, new NotFoundError(`${id} not found`))
        : itemOk(id, `profile of ${id}`),
    );
  };
  return { calls, read };
}

describe("ReadCoalescer", () => {
  it("merges reads within the window into one call over their distinct ids", async () => {
    const r = recorder();
    const c = new ReadCoalescer(r.read, 5, 100);
    const [a, b, d] = await Promise.all([
      c.read(["u1", "u2"], { requestId: "req-a" }),
      c.read(["u2", "ghost1"], { requestId: "req-b" }),
      c.read(["u3", "u1", "u1"], {}),
    ]);
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0]?.ids).toEqual(["u1", "u2", "ghost1", "u3"]);
    expect(r.calls[0]?.options.requestId).toBe("req-a");
    // Each caller gets exactly its ids, in its order, with its own per-item errors.
    expect(a.map((x) => x.key)).toEqual(["u1", "u2"]);
    expect(b.map((x) => [x.key, x.ok])).toEqual([
      ["u2", true],
      ["ghost1", false],
    ]);
    expect(b[1]?.ok === false && b[1].error.code).toBe("NOT_FOUND");
    expect(d.map((x) => (x.ok ? x.value : null))).toEqual([
      "profile of u3",
      "profile of u1",
      "profile of u1",
    ]);
  });

  it("sends at once when the batch reaches the vendor's per-call cap", async () => {
    const r = recorder();
    const c = new ReadCoalescer(r.read, 1_000, 3);
    const started = Date.now();
    await Promise.all([c.read(["a", "b"], {}), c.read(["c"], {})]);
    expect(Date.now() - started).toBeLessThan(500);
    expect(r.calls.map((x) => x.ids)).toEqual([["a", "b", "c"]]);
  });

  it("reads after the window go in a call of their own", async () => {
    const r = recorder();
    const c = new ReadCoalescer(r.read, 2, 100);
    await c.read(["a"], {});
    await c.read(["b"], {});
    expect(r.calls.map((x) => x.ids)).toEqual([["a"], ["b"]]);
  });

  it("while two merged calls are on their way, later reads gather into one", async () => {
    const r = recorder(undefined, 80);
    const c = new ReadCoalescer(r.read, 2, 100);
    const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
    const first = c.read(["a"], {});
    await pause(10);
    const second = c.read(["b"], {});
    await pause(10);
    const later = [c.read(["c"], {}), c.read(["d"], {})];
    await pause(10);
    later.push(c.read(["e"], {}));
    await Promise.all([first, second, ...later]);
    // The vendor was the bottleneck: c, d and e waited for a free call and went together.
    expect(r.calls.map((x) => x.ids)).toEqual([["a"], ["b"], ["c", "d", "e"]]);
  });

  it("with capacity to spare, more merged calls go at once (up to six), none waiting", async () => {
    const r = recorder(undefined, 80);
    let spare = true;
    const c = new ReadCoalescer(r.read, 2, 100, () => spare);
    const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
    const reads: Promise<unknown>[] = [];
    for (const id of ["a", "b", "c", "d", "e", "f", "g"]) {
      reads.push(c.read([id], {}));
      await pause(10);
    }
    // Six calls at once; the seventh read waited for one to end.
    expect(r.calls.map((x) => x.ids)).toEqual([["a"], ["b"], ["c"], ["d"], ["e"], ["f"]]);
    spare = false; // and once capacity is short, two at once again
    await Promise.all(reads);
    expect(r.calls.map((x) => x.ids).slice(6)).toEqual([["g"]]);
  });

  it("a failed call fails every caller in it", async () => {
    const r = recorder(new Error("vendor down"));
    const c = new ReadCoalescer(r.read, 5, 100);
    const results = await Promise.allSettled([c.read(["a"], {}), c.read(["b"], {})]);
    expect(results.map((x) => x.status)).toEqual(["rejected", "rejected"]);
  });

  it("a bad id fails only its caller: after a merged call refuses the input, each reads alone", async () => {
    const calls: string[][] = [];
    const read = async (ids: string[]): Promise<ItemResult<string>[]> => {
      calls.push(ids);
      const bad = ids.indexOf("");
      if (bad >= 0) throw new BadUserInputError(`userIds[${bad}]`, "must be a non-empty string.");
      return ids.map((id) => itemOk(id, `profile of ${id}`));
    };
    const c = new ReadCoalescer(read, 5, 100);
    const results = await Promise.allSettled([
      c.read(["a"], {}),
      c.read([""], {}),
      c.read(["b"], {}),
    ]);
    expect(results[0]).toEqual({ status: "fulfilled", value: [itemOk("a", "profile of a")] });
    expect(results[2]).toEqual({ status: "fulfilled", value: [itemOk("b", "profile of b")] });
    expect(results[1]?.status).toBe("rejected");
    expect((results[1] as PromiseRejectedResult).reason.field).toBe("userIds[0]");
    expect(calls).toEqual([["a", "", "b"], ["a"], [""], ["b"]]);
  });

  it("a caller who goes away leaves; the call goes on for the others until all are gone", async () => {
    const r = recorder();
    const c = new ReadCoalescer(r.read, 5, 100);
    const gone = new AbortController();
    const staying = new AbortController();
    const first = c.read(["a"], { signal: gone.signal });
    const second = c.read(["b"], { signal: staying.signal });
    gone.abort(new Error("client closed"));
    await expect(first).rejects.toThrow("client closed");
    expect((await second).map((x) => x.key)).toEqual(["b"]);
    const merged = r.calls[0]?.options.signal as AbortSignal;
    expect(merged.aborted).toBe(false);
    staying.abort();
    expect(merged.aborted).toBe(true);
  });

  it("holds the merged call to the latest of the callers' deadlines", async () => {
    const r = recorder();
    const c = new ReadCoalescer(r.read, 5, 100);
    const [s1, s2] = [new AbortController().signal, new AbortController().signal];
    const now = Date.now();
    markDeadline(s1, now + 1_000);
    markDeadline(s2, now + 3_000);
    await Promise.all([c.read(["a"], { signal: s1 }), c.read(["b"], { signal: s2 })]);
    expect(deadlineOf(r.calls[0]?.options.signal)).toBe(now + 3_000);
  });
});
