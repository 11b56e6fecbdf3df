import type { AttemptInfo } from "@imgraph/core";
import { closedOrigin, failedItem, rejection } from "@imgraph/core/contract";
import type { FaultSpec } from "@imgraph/emulators";
import { afterEach, describe, expect, it } from "vitest";
import { zegoAdapter, zegoSession } from "./testing/emulator.js";

// Rate limits off: these tests inject their own refusals.
const zego = zegoSession({ rateLimits: false });
afterEach(() => zego.emulator.clearFaults());

function logOf(action: string) {
  return zego.emulator.requests({ route: `zim:${action}` });
}

/** The next peer send meets `fault`, once. */
function failNextSend(fault: Omit<FaultSpec, "route" | "times">) {
  zego.emulator.addFault({ route: "zim:SendPeerMessage", times: 1, ...fault });
}

async function peerTexts(from: string, to: string): Promise<string[]> {
  const page = await zego.adapter.listMessages({
    conversation: { type: "USER", userId: from, peerId: to },
    limit: 10,
  });
  return page.items.map((m) => (m.content.type === "TEXT" ? m.content.text : "?"));
}

describe("zego adapter under vendor faults", () => {
  it("gives up on an unanswered call with VENDOR_UNAVAILABLE within the deadline", async () => {
    const [u] = (await zego.users(1)) as [string];
    const quick = zegoAdapter(zego.emulator, { deadlineMs: 800 });
    zego.emulator.addFault({ route: "zim:QueryGroupsInfoOfUser", kind: "no-answer-before" });
    const started = Date.now();
    const error = await rejection(quick.listUserGroups({ userId: u }));
    expect(error.code).toBe("VENDOR_UNAVAILABLE");
    expect(error.message).toMatch(/deadline/);
    expect(Date.now() - started).toBeLessThan(2_000);
    await quick.close();
  });

  it("repeats a read after a 5xx, with a fresh signature nonce per attempt", async () => {
    const [u] = (await zego.users(1)) as [string];
    zego.emulator.clearRequests();
    zego.emulator.addFault({
      route: "zim:QueryGroupsInfoOfUser",
      kind: "http-error",
      status: 503,
      times: 1,
    });
    const page = await zego.adapter.listUserGroups({ userId: u });
    expect(page.items).toEqual([]);
    const log = logOf("QueryGroupsInfoOfUser");
    expect(log.map((e) => e.status)).toEqual([503, 200]);
    const nonces = log.map((e) => e.query.SignatureNonce);
    expect(nonces.every((n) => typeof n === "string" && /^[0-9a-f]{16}$/.test(n))).toBe(true);
    expect(new Set(nonces).size).toBe(2);
    expect(new Set(log.map((e) => e.query.Signature)).size).toBe(2);

    // A 5xx that does not go away ends as VENDOR_UNAVAILABLE after the client's attempts.
    zego.emulator.clearRequests();
    zego.emulator.addFault({ route: "zim:QueryGroupsInfoOfUser", kind: "http-error", status: 503 });
    const error = await rejection(zego.adapter.listUserGroups({ userId: u }));
    expect(error).toMatchObject({ code: "VENDOR_UNAVAILABLE", message: /HTTP 503/ });
    expect(logOf("QueryGroupsInfoOfUser")).toHaveLength(3);
  });

  it("does not repeat a send after a 5xx", async () => {
    const [from, to] = (await zego.users(2)) as [string, string];
    zego.emulator.clearRequests();
    failNextSend({ kind: "http-error", status: 502 });
    const result = await zego.sendText(from, to, "once");
    expect(failedItem(result).code).toBe("VENDOR_UNAVAILABLE");
    expect(logOf("SendPeerMessage")).toHaveLength(1);
    expect(await peerTexts(from, to)).toEqual([]);
  });

  it("repeats a read after a connection reset, but not a send", async () => {
    const [from, to] = (await zego.users(2)) as [string, string];
    zego.emulator.clearRequests();
    zego.emulator.addFault({ route: "zim:QueryGroupsInfoOfUser", kind: "reset-before", times: 1 });
    await zego.adapter.listUserGroups({ userId: from });
    expect(logOf("QueryGroupsInfoOfUser").map((e) => e.outcome)).toEqual(["reset", "answered"]);
    // A read whose answer was lost is simply asked again.
    zego.emulator.addFault({ route: "zim:QueryUserInfos", kind: "reset-after", times: 1 });
    expect((await zego.adapter.getUsers([from]))[0]?.ok).toBe(true);
    expect(logOf("QueryUserInfos").map((e) => e.outcome)).toEqual(["reset", "answered"]);

    failNextSend({ kind: "reset-before" });
    const result = await zego.sendText(from, to, "reset");
    expect(failedItem(result).code).toBe("VENDOR_UNAVAILABLE");
    expect(logOf("SendPeerMessage")).toHaveLength(1);
  });

  it("never sends a peer message twice when its answer was lost", async () => {
    const [from, to] = (await zego.users(2)) as [string, string];
    zego.emulator.clearRequests();
    failNextSend({ kind: "reset-after" });
    const result = await zego.sendText(from, to, "lost answer");
    const error = failedItem(result);
    expect(error.code).toBe("VENDOR_UNAVAILABLE");
    expect(error.message).toMatch(/may have applied/);
    const sends = logOf("SendPeerMessage");
    expect(sends).toHaveLength(1);
    expect(sends[0]?.outcome).toBe("reset");
    // It did arrive, once.
    expect(await peerTexts(from, to)).toEqual(["lost answer"]);
  });

  it("repeats a read whose answer was malformed; a send is reported, not repeated", async () => {
    const [from, to] = (await zego.users(2)) as [string, string];
    zego.emulator.clearRequests();
    zego.emulator.addFault({ route: "zim:QueryPeerMsg", kind: "malformed", times: 1 });
    expect(await peerTexts(from, to)).toEqual([]);
    expect(logOf("QueryPeerMsg")).toHaveLength(2);

    failNextSend({ kind: "malformed" });
    const result = await zego.sendText(from, to, "garbled");
    expect(failedItem(result).message).toMatch(/malformed/);
    expect(logOf("SendPeerMessage")).toHaveLength(1);
    expect(await peerTexts(from, to)).toEqual(["garbled"]);
  });

  it("retries a rate-limited send (refused before acting) when it fits the deadline", async () => {
    const [from, to] = (await zego.users(2)) as [string, string];
    zego.emulator.clearRequests();
    failNextSend({ kind: "vendor-error", code: 660300005 });
    const result = await zego.sendText(from, to, "after a limit");
    expect(result?.ok).toBe(true);
    const sends = logOf("SendPeerMessage");
    expect(sends).toHaveLength(2);
    expect(JSON.parse(sends[0]?.responseBody ?? "{}").Code).toBe(660300005);
    expect(await peerTexts(from, to)).toEqual(["after a limit"]);
  });

  it("answers RATE_LIMITED with retryAfter when waiting does not fit the deadline", async () => {
    const [u] = (await zego.users(1)) as [string];
    const quick = zegoAdapter(zego.emulator, { deadlineMs: 1_500 });
    zego.emulator.addFault({ route: "zim:QueryGroupsInfoOfUser", kind: "vendor-error", code: 7 });
    const error = await rejection(quick.listUserGroups({ userId: u }));
    expect(error).toMatchObject({ code: "RATE_LIMITED", vendorCode: "7", retryAfter: 1 });
    await quick.close();
  });

  it("fails a read over to the backup origin when the primary is down", async () => {
    const [u] = (await zego.users(1)) as [string];
    const dead = await closedOrigin();
    const attempts: AttemptInfo[] = [];
    const failover = zegoAdapter(zego.emulator, {
      origins: { zim: [dead, zego.emulator.url], rtc: [dead, zego.emulator.url] },
      onAttempt: (info) => attempts.push(info),
    });
    const page = await failover.listUserGroups({ userId: u });
    expect(page.items).toEqual([]);
    expect(attempts.map((a) => [a.origin, a.outcome])).toEqual([
      [dead, "transport_error"],
      [zego.emulator.url, "ok"],
    ]);
    // The primary stays avoided for a while: the next call goes straight to the backup.
    await failover.getUsers([u]);
    expect(attempts.at(-1)?.origin).toBe(zego.emulator.url);
    expect(attempts).toHaveLength(3);
    await failover.close();
  });

  it("reports a wrong secret as a configuration problem without leaking it", async () => {
    const wrongSecret = "0123456789abcdef0123456789abcdef";
    const wrong = zegoAdapter(zego.emulator, { serverSecret: wrongSecret });
    const error = await rejection(wrong.listUserGroups({ userId: "someone" }));
    expect(error).toMatchObject({
      code: "VENDOR_REJECTED",
      vendor: "zego",
      vendorCode: "100000005",
    });
    expect(error.message).toMatch(/ServerSecret/);
    expect(JSON.stringify(error)).not.toContain(wrongSecret);
    await wrong.close();
  });
});

describe("signatures", () => {
  it("signs every request afresh: no nonce repeats, timestamps are current", async () => {
    const ids = await zego.users(3);
    zego.emulator.clearRequests();
    zego.emulator.addFault({
      route: "zim:QueryUserInfos",
      kind: "http-error",
      status: 500,
      times: 2,
    });
    const many = [...ids, ...Array.from({ length: 247 }, (_, i) => `nobody${i}`)];
    const got = await zego.adapter.getUsers(many);
    expect(got.slice(0, 3).every((r) => r.ok)).toBe(true);
    const log = zego.emulator.requests();
    expect(log.length).toBeGreaterThanOrEqual(5); // 3 chunks + 2 repeats
    const nonces = log.map((e) => e.query.SignatureNonce);
    expect(new Set(nonces).size).toBe(log.length);
    const now = Math.floor(Date.now() / 1000);
    expect(log.every((e) => Math.abs(Number(e.query.Timestamp) - now) < 5)).toBe(true);
  });
});
