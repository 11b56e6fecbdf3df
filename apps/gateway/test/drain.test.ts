import { describe, expect, it } from "vitest";
import { admin, demo, gql } from "./helpers.js";

describe("graceful shutdown", () => {
  it("finishes in-flight requests, then refuses new connections", async () => {
    const g = await demo({ seed: false });
    const emulator = g.emulators[0];
    if (!emulator) throw new Error("no emulator");
    emulator.addFault({ route: "*", kind: "latency", ms: 400 });
    const slow = gql<{ users: unknown[] }>(g.url, '{ users(ids: ["x1"]) { id } }', {}, admin(g));
    await new Promise((r) => setTimeout(r, 100));
    const closing = g.close();
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(answer.data).toBeDefined();
    await closing;
    await expect(fetch(g.url, { method: "POST" })).rejects.toThrow();
  });
});
