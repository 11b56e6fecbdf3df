import type { ImError, ItemResult } from "@imgraph/core";
import { closedOrigin } from "@imgraph/core/contract";
import type { RongCloudEmulator } from "@imgraph/emulators";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RongCloudAdapter } from "./adapter.js";
import { adapterFor, startTestEmulator, TEST_APP } from "./test-support.js";

// Vendor failures through the emulator's fault injection, over real HTTP.

let emu: RongCloudEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterEach(() => {
  emu.reset();
});
afterAll(async () => {
  await emu.close();
});

/** Batch operations answer per item: the one item's error (or a thrown one). */
async function failure(call: Promise<ItemResult<unknown>[]>): Promise<ImError> {
  let results: ItemResult<unknown>[];
  try {
    results = await call;
  } catch (error) {
    return error as ImError;
  }
  const [only] = results;
  if (!only || only.ok) throw new Error("expected the item to fail");
  return only.error;
}

function requestsTo(route: string) {
  return emu.requests({ route });
}

/** RongCloud refuses calls to `route` with its business `code` and HTTP `status`. */
function refuse(route: string, code: number, status: number, times?: number) {
  emu.addFault({ route, kind: "vendor-error", code, status, ...(times ? { times } : {}) });
}

/** One text from one user to another. */
function sendText(im: RongCloudAdapter, from: string, to: string, body: string) {
  return im.sendMessage({
    from,
    to: { type: "USERS", userIds: [to] },
    content: { type: "TEXT", text: body },
  });
}

/** The newest messages of a one-to-one conversation. */
function peerPage(im: RongCloudAdapter, userId: string, peerId: string) {
  return im.listMessages({ conversation: { type: "USER", userId, peerId }, limit: 10 });
}

describe("rongcloud adapter under vendor faults", () => {
  it("answers VENDOR_UNAVAILABLE within the deadline when the vendor never answers", async () => {
    const im = adapterFor(emu, { deadlineMs: 400 });
    emu.addFault({ route: "/user/checkOnline.json", kind: "no-answer-before" });
    const started = Date.now();
    const error = await failure(im.getPresence(["u1"]));
    expect(error.code).toBe("VENDOR_UNAVAILABLE");
    expect(error.message).toContain("deadline");
    expect(Date.now() - started).toBeLessThan(2000);
    await im.close();
  });

  it("retries a read after a 5xx, with a fresh signature per attempt", async () => {
    const im = adapterFor(emu);
    await im.registerUsers([{ id: "reader", name: "Reader" }]);
    emu.addFault({ route: "/user/info.json", kind: "http-error", status: 503, times: 1 });
    const [user] = await im.getUsers(["reader"]);
    expect(user?.ok).toBe(true);
    const attempts = requestsTo("/user/info.json");
    expect(attempts).toHaveLength(2);
    expect(attempts[0]?.headers.nonce).not.toBe(attempts[1]?.headers.nonce);
    expect(attempts[0]?.headers.signature).not.toBe(attempts[1]?.headers.signature);
    await im.close();
  });

  it("never repeats a send that may have reached RongCloud (5xx, reset after processing, malformed or lost answer)", async () => {
    const im = adapterFor(emu, { deadlineMs: 600 });
    for (const fault of [
      { kind: "http-error" as const, status: 500 },
      { kind: "reset-after" as const },
      { kind: "malformed" as const },
      { kind: "no-answer-after" as const },
    ]) {
      const before = emu.requests().at(-1)?.seq ?? 0;
      emu.addFault({ route: "/message/private/publish.json", times: 1, ...fault });
      const error = await failure(sendText(im, "a1", "b1", `once ${fault.kind}`));
      expect(error.code, fault.kind).toBe("VENDOR_UNAVAILABLE");
      expect(
        emu.requests({ route: "/message/private/publish.json", afterSeq: before }),
        fault.kind,
      ).toHaveLength(1);
    }
    // What RongCloud processed is stored exactly once; the 5xx (refused before processing) never.
    const page = await peerPage(im, "a1", "b1");
    const texts = page.items.map((m) => (m.content.type === "TEXT" ? m.content.text : "")).sort();
    expect(texts).toEqual(["once malformed", "once no-answer-after", "once reset-after"]);
    await im.close();
  });

  it("stores a send whose answer was lost exactly once", async () => {
    const im = adapterFor(emu);
    emu.addFault({ route: "/message/private/publish.json", kind: "reset-after", times: 1 });
    await failure(sendText(im, "a2", "b2", "lost answer"));
    const page = await peerPage(im, "a2", "b2");
    expect(page.items.map((m) => (m.content.type === "TEXT" ? m.content.text : ""))).toEqual([
      "lost answer",
    ]);
    expect(requestsTo("/message/private/publish.json")).toHaveLength(1);
    await im.close();
  });

  it("retries a send refused before processing (reset before, 1008 rate limit) and delivers it once", async () => {
    const im = adapterFor(emu);
    refuse("/message/private/publish.json", 1008, 429, 1);
    const [sent] = await sendText(im, "a3", "b3", "after limit");
    expect(sent?.ok).toBe(true);
    expect(requestsTo("/message/private/publish.json")).toHaveLength(2);
    const page = await peerPage(im, "a3", "b3");
    expect(page.items).toHaveLength(1);
    await im.close();
  });

  it("answers RATE_LIMITED with retryAfter when the limit outlasts the deadline", async () => {
    const im = adapterFor(emu, { deadlineMs: 500 });
    refuse("/user/checkOnline.json", 1008, 429);
    const error = await failure(im.getPresence(["u1"]));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(error.vendorCode).toBe("1008");
    await im.close();
  });

  it("maps vendor refusals to VENDOR_REJECTED with the vendor code, and never leaks the secret", async () => {
    const im = adapterFor(emu);
    refuse("/user/checkOnline.json", 1004, 401);
    const error = await failure(im.getPresence(["u1"]));
    expect(error).toMatchObject({
      code: "VENDOR_REJECTED",
      vendor: "rongcloud",
      vendorCode: "1004",
    });
    expect(JSON.stringify(error.toJSON())).not.toContain(TEST_APP.appSecret);
    await im.close();
  });

  it("rejects a wrong app secret as VENDOR_REJECTED 1004 (real signature check)", async () => {
    const im = adapterFor(emu, { appSecret: "not-the-secret" });
    const error = await failure(im.getPresence(["u1"]));
    expect(error).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "1004" });
    expect(error.message).not.toContain("not-the-secret");
    await im.close();
  });

  it("fails over from a dead primary host to the backup, for reads and sends", async () => {
    const im = adapterFor(emu, { origins: [await closedOrigin(), new URL(emu.url).origin] });
    await im.registerUsers([{ id: "fo1", name: "Fail Over" }]);
    const [user] = await im.getUsers(["fo1"]);
    expect(user).toMatchObject({ ok: true, value: { name: "Fail Over" } });
    const [sent] = await sendText(im, "fo1", "fo2", "via backup");
    expect(sent?.ok).toBe(true);
    expect(requestsTo("/message/private/publish.json")).toHaveLength(1);
    await im.close();
  });

  it("fails a read over to the backup host after a 5xx from the primary", async () => {
    const backup = await startTestEmulator();
    const im = adapterFor(emu, { origins: [new URL(emu.url).origin, new URL(backup.url).origin] });
    emu.addFault({ route: "/user/checkOnline.json", kind: "http-error", status: 502 });
    const [presence] = await im.getPresence(["u9"]);
    expect(presence?.ok).toBe(true);
    expect(backup.requests({ route: "/user/checkOnline.json" })).toHaveLength(1);
    await im.close();
    await backup.close();
  });
});
