import { describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { gql, withDemo } from "./helpers.js";

// Reads of different requests merged into the vendor's batch call, over real HTTP: the
// demo gateway on the Tencent emulator, whose request log shows the vendor calls.

describe("profile reads of concurrent requests", () => {
  let g: DemoGateway;
  withDemo({ server: { readCoalesceMs: 20 } }, (started) => {
    g = started;
  });

  const profileCalls = () =>
    g.emulators
      .find((e) => e.vendor === "tencent")
      ?.requests()
      .filter((r) => r.path.includes("portrait_get")) ?? [];

  it("become fewer vendor calls, each caller answered with exactly its own user", async () => {
    const admin = { "x-api-key": g.adminKey };
    const otherApp = { authorization: `Bearer ${await g.tokenFor("alice", { app: "zego" })}` };
    const before = profileCalls().length;
    const asks = [
      { id: "alice", headers: admin },
      { id: "bob", headers: admin },
      { id: "carol", headers: admin },
      { id: "nobody-here", headers: admin },
      { id: "dave", headers: otherApp },
    ];
    const answers = await Promise.all(
      asks.map(({ id, headers }) =>
        gql<{ user: { id: string; name: string } | null }>(
          g.url,
          `query { user(app: "tencent", id: "${id}") { id name } }`,
          {},
          headers,
        ),
      ),
    );
    expect(answers.slice(0, 3).map((a) => a.data?.user)).toEqual([
      { id: "alice", name: "Alice" },
      { id: "bob", name: "Bob" },
      { id: "carol", name: "Carol" },
    ]);
    // A user who does not exist is null for its caller alone.
    expect(answers[3]?.errors).toBeUndefined();
    expect(answers[3]?.data?.user).toBeNull();
    // Authorization is each caller's own: a token bound to another app reads nothing.
    expect(answers[4]?.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(answers[4]?.data?.user ?? null).toBeNull();

    const calls = profileCalls().slice(before);
    const asked = calls.flatMap((c) => JSON.parse(c.body).To_Account as string[]);
    expect(asked.sort()).toEqual(["alice", "bob", "carol", "nobody-here"]);
    // Four readers, fewer vendor calls: at least two of them shared one.
    expect(calls.length).toBeLessThan(4);
  });

  it.each([
    "tencent",
    "zego",
  ])("%s: one caller's bad id fails only that caller, with its own index", async (app) => {
    const admin = { "x-api-key": g.adminKey };
    const ids = ["bob", "x".repeat(100), "carol", ""];
    const answers = await Promise.all(
      ids.map((id) =>
        gql<{ users: Array<{ id: string } | null> }>(
          g.url,
          "query($app: ID, $ids: [ID!]!) { users(app: $app, ids: $ids) { id } }",
          { app, ids: [id] },
          admin,
        ),
      ),
    );
    expect(answers[0]?.data?.users).toEqual([{ id: "bob" }]);
    expect(answers[2]?.data?.users).toEqual([{ id: "carol" }]);
    for (const bad of [answers[1], answers[3]]) {
      expect(bad?.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      // The caller's own list: its first (and only) id, not a place in the merged batch.
      expect(bad?.errors?.[0]?.extensions?.field).toBe("userIds[0]");
    }
  });
});
