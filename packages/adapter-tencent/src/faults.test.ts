import { closedOrigin, itemValue, rejection } from "@imgraph/core/contract";
import type { RunningEmulator } from "@imgraph/emulators";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TencentAdapter } from "./adapter.js";
import { adapterFor, SDK_APP_ID, startEmulator, uid } from "./testing/emulator.js";

let emulator: RunningEmulator;
let backup: RunningEmulator;
const adapters: TencentAdapter[] = [];

function adapter(extra: Parameters<typeof adapterFor>[1] = {}, origins = [emulator.url]) {
  const a = adapterFor(origins, extra);
  adapters.push(a);
  return a;
}

function requests(route: string, on = emulator) {
  return on.requests({ route: `v4/${route}` });
}

beforeAll(async () => {
  [emulator, backup] = await Promise.all([startEmulator(), startEmulator()]);
});
afterEach(async () => {
  emulator.clearFaults();
  backup.clearFaults();
  emulator.setClock({ offsetMs: 0 });
  await Promise.all(adapters.splice(0).map((a) => a.close()));
});
afterAll(async () => {
  await Promise.all([emulator.close(), backup.close()]);
});

async function pair(a: TencentAdapter): Promise<[string, string]> {
  const ids: [string, string] = [uid("s"), uid("r")];
  const results = await a.registerUsers(ids.map((id) => ({ id })));
  expect(results.every((r) => r.ok)).toBe(true);
  return ids;
}

async function c2cHistory(a: TencentAdapter, from: string, to: string) {
  const page = await a.listMessages({
    conversation: { type: "USER", userId: from, peerId: to },
    limit: 50,
  });
  return page.items;
}

describe("faults", () => {
  it("answers VENDOR_UNAVAILABLE within the deadline when Tencent never answers", async () => {
    const a = adapter({ deadlineMs: 800 });
    emulator.addFault({ route: "v4/group_open_http_svc/get_group_info", kind: "no-answer-before" });
    const started = Date.now();
    const error = await rejection(a.getGroup("g1"));
    expect(error).toMatchObject({ code: "VENDOR_UNAVAILABLE", vendor: "tencent" });
    expect(error.message).toMatch(/deadline/);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("retries a read after 5xx, then answers VENDOR_UNAVAILABLE", async () => {
    const a = adapter();
    emulator.addFault({
      route: "v4/group_open_http_svc/get_group_info",
      kind: "http-error",
      status: 502,
    });
    const before = requests("group_open_http_svc/get_group_info").length;
    await expect(a.getGroup("g1")).rejects.toMatchObject({ code: "VENDOR_UNAVAILABLE" });
    expect(requests("group_open_http_svc/get_group_info").length - before).toBe(3);
  });

  it("does not repeat a write Tencent does not deduplicate (create group) after 5xx or a reset", async () => {
    const a = adapter();
    const [owner] = await pair(a);
    for (const kind of ["http-error", "reset-before"] as const) {
      emulator.addFault({ route: "v4/group_open_http_svc/create_group", kind, times: 1 });
      const before = requests("group_open_http_svc/create_group").length;
      const error = await rejection(
        a.createGroup({ id: uid("g"), name: "G", ownerId: owner, memberIds: [] }),
      );
      expect(error).toMatchObject({ code: "VENDOR_UNAVAILABLE" });
      expect(error.message).toMatch(/may have applied/);
      expect(requests("group_open_http_svc/create_group").length - before).toBe(1);
    }
  });

  it("repeats a send after 5xx: Tencent's dedup makes it safe", async () => {
    const a = adapter();
    const [from, to] = await pair(a);
    emulator.addFault({ route: "v4/openim/sendmsg", kind: "http-error", times: 1 });
    const [sent] = await a.sendMessage({
      from,
      to: { type: "USERS", userIds: [to] },
      content: { type: "TEXT", text: "5xx" },
    });
    expect(sent?.ok).toBe(true);
    expect((await c2cHistory(a, from, to)).length).toBe(1);
  });

  it.each([
    "reset-after",
    "malformed",
  ] as const)("delivers a one-to-one send exactly once when the answer is lost (%s) and the client retries", async (kind) => {
    const a = adapter();
    const [from, to] = await pair(a);
    const before = requests("openim/sendmsg").length;
    emulator.addFault({ route: "v4/openim/sendmsg", kind, times: 1 });
    const [sent] = await a.sendMessage({
      from,
      to: { type: "USERS", userIds: [to] },
      content: { type: "TEXT", text: `once ${kind}` },
    });
    const attempts = requests("openim/sendmsg").slice(before);
    expect(attempts).toHaveLength(2);
    // Same logical message: the same body (MsgSeq, MsgRandom) on both attempts...
    expect(attempts[1]?.body).toBe(attempts[0]?.body);
    // ...but a fresh random in the URL.
    expect(attempts[1]?.query.random).not.toBe(attempts[0]?.query.random);
    const history = await c2cHistory(a, from, to);
    expect(history.map((m) => m.content)).toEqual([{ type: "TEXT", text: `once ${kind}` }]);
    expect(itemValue(sent).messageId).toBe(history[0]?.id);
  });

  it("does not repeat a multi-recipient send whose answer was lost (batch dedup is unverified)", async () => {
    const a = adapter();
    const [from, to1] = await pair(a);
    const [to2] = await pair(a);
    const before = requests("openim/batchsendmsg").length;
    emulator.addFault({ route: "v4/openim/batchsendmsg", kind: "reset-after", times: 1 });
    const sent = await a.sendMessage({
      from,
      to: { type: "USERS", userIds: [to1, to2] },
      content: { type: "TEXT", text: "batch" },
    });
    expect(sent.map((r) => r.ok)).toEqual([false, false]);
    expect(sent[0]).toMatchObject({
      error: { code: "VENDOR_UNAVAILABLE", message: expect.stringMatching(/may have applied/) },
    });
    expect(requests("openim/batchsendmsg").length - before).toBe(1);
    expect((await c2cHistory(a, from, to1)).length).toBe(1);
    expect((await c2cHistory(a, from, to2)).length).toBe(1);
  });

  it("sends to 501 recipients in two calls: one batch of 500 and one single send", async () => {
    const a = adapter();
    const ids = Array.from({ length: 502 }, () => uid("m"));
    const registered = await a.registerUsers(ids.map((id) => ({ id })));
    expect(registered.every((r) => r.ok)).toBe(true);
    const [from, ...to] = ids as [string, ...string[]];
    const batches = requests("openim/batchsendmsg").length;
    const singles = requests("openim/sendmsg").length;
    const sent = await a.sendMessage({
      from,
      to: { type: "USERS", userIds: to },
      content: { type: "TEXT", text: "all" },
    });
    expect(sent.map((r) => r.key)).toEqual(to);
    expect(sent.every((r) => r.ok)).toBe(true);
    expect(requests("openim/batchsendmsg").length - batches).toBe(1);
    expect(requests("openim/sendmsg").length - singles).toBe(1);
  });

  it("delivers a group send once after its answer was lost", async () => {
    const a = adapter();
    const [owner, member] = await pair(a);
    const groupId = uid("g");
    await a.createGroup({ id: groupId, name: "G", ownerId: owner, memberIds: [member] });
    emulator.addFault({
      route: "v4/group_open_http_svc/send_group_msg",
      kind: "reset-after",
      times: 1,
    });
    const [sent] = await a.sendMessage({
      from: owner,
      to: { type: "GROUP", groupId },
      content: { type: "TEXT", text: "g" },
    });
    expect(sent?.ok).toBe(true);
    const page = await a.listMessages({ conversation: { type: "GROUP", groupId }, limit: 10 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.id).toBe(itemValue(sent).messageId);
  });

  it("lets a caller resend with the same idempotency key after a timeout without a duplicate", async () => {
    const a = adapter({ deadlineMs: 600 });
    const [from, to] = await pair(a);
    emulator.addFault({ route: "v4/openim/sendmsg", kind: "no-answer-after", times: 1 });
    const input = {
      from,
      to: { type: "USERS" as const, userIds: [to] },
      content: { type: "TEXT" as const, text: "keyed" },
      idempotencyKey: "order-42",
    };
    const [first] = await a.sendMessage(input);
    expect(first).toMatchObject({ ok: false, error: { code: "VENDOR_UNAVAILABLE" } });
    const [second] = await a.sendMessage(input);
    expect(second?.ok).toBe(true);
    expect((await c2cHistory(a, from, to)).length).toBe(1);
    // The key reused for other content is another message, with marks (and so an id, made
    // of them and the second it was sent in) of its own.
    const [other] = await a.sendMessage({ ...input, content: { type: "TEXT", text: "other" } });
    expect(other?.ok).toBe(true);
    const marks = requests("openim/sendmsg")
      .slice(-3)
      .map((r) => JSON.parse(r.body) as { MsgSeq: number; MsgRandom: number });
    expect(marks[1]).toEqual(expect.objectContaining({ MsgRandom: marks[0]?.MsgRandom }));
    expect(marks[2]?.MsgRandom).not.toBe(marks[1]?.MsgRandom);
    expect(marks[2]?.MsgSeq).not.toBe(marks[1]?.MsgSeq);
    expect((await c2cHistory(a, from, to)).length).toBe(2);
  });

  it("answers RATE_LIMITED with retryAfter after retrying within the deadline", async () => {
    const a = adapter({ deadlineMs: 1_500 });
    emulator.addFault({
      route: "v4/group_open_http_svc/get_group_info",
      kind: "vendor-error",
      code: 60007,
    });
    const before = requests("group_open_http_svc/get_group_info").length;
    const error = await rejection(a.getGroup("g1"));
    expect(error).toMatchObject({ code: "RATE_LIMITED", vendorCode: "60007", retryAfter: 1 });
    expect(requests("group_open_http_svc/get_group_info").length - before).toBe(2);
  });

  it("retries Tencent's internal errors only where repeating is harmless", async () => {
    const a = adapter();
    const [owner] = await pair(a);
    emulator.addFault({
      route: "v4/group_open_http_svc/get_group_info",
      kind: "vendor-error",
      code: 70500,
      times: 1,
    });
    expect(await a.getGroup(uid("none"))).toBeNull();
    emulator.addFault({
      route: "v4/group_open_http_svc/create_group",
      kind: "vendor-error",
      code: 70500,
    });
    const before = requests("group_open_http_svc/create_group").length;
    const error = await rejection(
      a.createGroup({ id: uid("g"), name: "G", ownerId: owner, memberIds: [] }),
    );
    expect(error).toMatchObject({ code: "VENDOR_UNAVAILABLE", vendorCode: "70500" });
    expect(requests("group_open_http_svc/create_group").length - before).toBe(1);
  });

  it("reads profiles one by one when Tencent fails a whole read for an unknown account", async () => {
    const a = adapter();
    const [u1, u2] = await pair(a);
    emulator.addFault({
      route: "v4/profile/portrait_get",
      kind: "vendor-error",
      code: 40003,
      times: 1,
    });
    const before = requests("profile/portrait_get").length;
    const got = await a.getUsers([u1, "ghost-x", u2]);
    expect(got.map((r) => [r.key, r.ok])).toEqual([
      [u1, true],
      ["ghost-x", false],
      [u2, true],
    ]);
    expect(requests("profile/portrait_get").length - before).toBe(4);
  });

  it("fails a read over to the backup host when the primary answers 5xx", async () => {
    const a = adapter({}, [emulator.url, backup.url]);
    backup.seed({ app: SDK_APP_ID, accounts: [{ userId: "onbackup", nick: "B" }] });
    emulator.addFault({ route: "*", kind: "http-error", status: 503 });
    const [got] = await a.getUsers(["onbackup"]);
    expect(itemValue(got)).toMatchObject({ id: "onbackup", name: "B" });
    expect(requests("profile/portrait_get", backup).length).toBeGreaterThan(0);
  });

  it("fails a write over to the backup host when the primary refuses connections", async () => {
    const a = adapter({}, [await closedOrigin(), backup.url]);
    const id = uid("w");
    const [r] = await a.registerUsers([{ id, name: "W" }]);
    expect(r?.ok).toBe(true);
    const [got] = await a.getUsers([id]);
    expect(itemValue(got).name).toBe("W");
  });

  it("maps an auth failure to VENDOR_REJECTED without the key or the UserSig in the message", async () => {
    const a = adapterFor([emulator.url], { key: "wrong-key" });
    adapters.push(a);
    const error = await rejection(a.getGroup("g1"));
    expect(error).toMatchObject({
      code: "VENDOR_REJECTED",
      vendor: "tencent",
      vendorCode: "70009",
    });
    const usersig = String(requests("group_open_http_svc/get_group_info").at(-1)?.query.usersig);
    expect(JSON.stringify(error.toJSON())).not.toContain(usersig);
    expect(error.message).not.toContain("wrong-key");
  });
});

describe("admin UserSig", () => {
  it("is reused across calls, with a fresh random per request", async () => {
    const a = adapter();
    const before = emulator.requests().length;
    await a.getGroup("nothing1");
    await a.getGroup("nothing2");
    await a.getUsers(["nobody"]);
    const recent = emulator.requests().slice(before);
    expect(recent).toHaveLength(3);
    expect(new Set(recent.map((r) => r.query.usersig)).size).toBe(1);
    expect(new Set(recent.map((r) => r.query.random)).size).toBe(3);
    for (const r of recent) {
      expect(r.query).toMatchObject({
        sdkappid: String(SDK_APP_ID),
        identifier: "administrator",
        contenttype: "json",
      });
      expect(Number(r.query.random)).toBeLessThanOrEqual(0xffffffff);
    }
  });

  it("is renewed before it expires: after a day the server still accepts it", async () => {
    let offset = 0;
    const a = adapter({ now: () => Date.now() + offset });
    await a.getGroup("x");
    const first = emulator.requests({ limit: 1 })[0]?.query.usersig;
    // 23.5 h later less than an hour is left: a new UserSig, accepted by the server.
    offset = 23.5 * 3_600_000;
    emulator.setClock({ offsetMs: offset });
    expect(await a.getGroup("x")).toBeNull();
    const second = emulator.requests({ limit: 1 })[0]?.query.usersig;
    expect(second).not.toBe(first);
    // A day and a half later the first one has expired; the renewed one is in use.
    offset = 36 * 3_600_000;
    emulator.setClock({ offsetMs: offset });
    expect(await a.getGroup("x")).toBeNull();
    expect(emulator.requests({ limit: 1 })[0]?.status).toBe(200);
    expect(JSON.parse(emulator.requests({ limit: 1 })[0]?.responseBody ?? "{}")).toMatchObject({
      ActionStatus: "OK",
    });
  });
});
