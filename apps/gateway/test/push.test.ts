import { describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { fingerprint } from "../src/idempotency.js";
import { gql, withDemo } from "./helpers.js";

// Pushes through the gateway over real HTTP against the demo's Tencent emulator: the
// caller's idempotency key makes a retried push answer the first task without pushing
// again, and a key reused for another push is refused.

let g: DemoGateway;
withDemo((started) => {
  g = started;
});

describe("push idempotency", () => {
  const admin = () => ({ "x-api-key": g.adminKey });
  /** The push calls the Tencent emulator received so far. */
  const pushCalls = () =>
    g.emulators
      .find((e) => e.vendor === "tencent")
      ?.requests()
      .filter((r) => r.path.includes("timpush/")) ?? [];
  const PUSH = `mutation($key: String, $body: String!, $users: [ID!]!) {
    pushToUsers(app: "tencent", userIds: $users, idempotencyKey: $key,
      notification: { title: "Hi", body: $body }) { taskId repeated } }`;
  type Pushed = { pushToUsers: { taskId: string | null; repeated: boolean } };
  const push = (variables: Record<string, unknown>) =>
    gql<Pushed>(g.url, PUSH, { users: ["alice", "bob"], body: "sale", ...variables }, admin());

  it("a repeat with the same key answers the first task and pushes nothing", async () => {
    const before = pushCalls().length;
    const first = await push({ key: "order-1" });
    expect(first.errors).toBeUndefined();
    expect(first.data?.pushToUsers.repeated).toBe(false);
    expect(first.data?.pushToUsers.taskId).toEqual(expect.any(String));
    const again = await push({ key: "order-1" });
    expect(again.errors).toBeUndefined();
    expect(again.data?.pushToUsers).toEqual({
      taskId: first.data?.pushToUsers.taskId,
      repeated: true,
    });
    expect(pushCalls().length - before).toBe(1);
  });

  it("concurrent repeats reach the vendor once, and all answer the same task", async () => {
    const before = pushCalls().length;
    const answers = await Promise.all([1, 2, 3].map(() => push({ key: "order-2" })));
    for (const a of answers) expect(a.errors).toBeUndefined();
    const tasks = new Set(answers.map((a) => a.data?.pushToUsers.taskId));
    expect(tasks.size).toBe(1);
    expect(answers.filter((a) => a.data?.pushToUsers.repeated === false)).toHaveLength(1);
    expect(pushCalls().length - before).toBe(1);
  });

  it("the same key with another push is refused, naming the key; no key pushes every time", async () => {
    expect((await push({ key: "order-3" })).errors).toBeUndefined();
    const before = pushCalls().length;
    const other = await push({ key: "order-3", body: "another sale" });
    expect(other.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "idempotencyKey",
    });
    expect(other.data).toBeNull();
    await push({});
    await push({});
    expect(pushCalls().length - before).toBe(2);
  });

  it("a key used by one kind of push is refused for another", async () => {
    expect((await push({ key: "order-5" })).errors).toBeUndefined();
    const all = await gql(
      g.url,
      `mutation { pushToAll(app: "tencent", idempotencyKey: "order-5",
        notification: { body: "sale" }) { taskId } }`,
      {},
      admin(),
    );
    expect(all.errors?.[0]?.extensions).toMatchObject({ field: "idempotencyKey" });
  });

  it("a malformed key is refused before any vendor call", async () => {
    const before = pushCalls().length;
    for (const key of ["", "has space", "x".repeat(65), "ключ"]) {
      const r = await push({ key });
      expect(r.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "idempotencyKey",
      });
    }
    expect(pushCalls().length).toBe(before);
  });

  it("a failed push frees its key: the retry pushes", async () => {
    const before = pushCalls().length;
    const bad = await push({ key: "order-4", users: [] });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const retry = await push({ key: "order-4" });
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.pushToUsers.repeated).toBe(false);
    expect(pushCalls().length - before).toBe(1);
  });
});

describe("push caps", () => {
  it("a push over the vendor's cap is refused before the call, with when to retry", async () => {
    // RongCloud: 2 pushes and broadcasts an hour together, spaced by the gateway's shaper.
    const calls = () =>
      g.emulators
        .find((e) => e.vendor === "rongcloud")
        ?.requests()
        .filter((r) => r.path.includes("/push.json")) ?? [];
    const pushAll = () =>
      gql<{ pushToAll: { taskId: string | null } }>(
        g.url,
        `mutation { pushToAll(app: "rongcloud", notification: { title: "Hi", body: "sale" }) { taskId } }`,
        {},
        { "x-api-key": g.adminKey },
      );
    const first = await pushAll();
    expect(first.errors).toBeUndefined();
    expect(first.data?.pushToAll.taskId).toEqual(expect.any(String));
    const before = calls().length;
    const second = await pushAll();
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED" });
    expect(second.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(60);
    expect(second.errors?.[0]?.message).toMatch(/rate limit \(2 calls per 3600 s/);
    expect(calls().length).toBe(before);
  });
});

describe("fingerprint", () => {
  it("ignores the key and object key order, and tells different pushes apart", () => {
    const a = { userIds: ["a"], notification: { title: "t", body: "b" }, idempotencyKey: "k1" };
    const b = { notification: { body: "b", title: "t" }, userIds: ["a"], idempotencyKey: "k2" };
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint({ ...a, userIds: ["b"] })).not.toBe(fingerprint(a));
    expect(fingerprint({ ...a, notification: { body: "c" } })).not.toBe(fingerprint(a));
  });
});
