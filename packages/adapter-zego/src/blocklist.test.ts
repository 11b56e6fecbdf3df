import { describe, expect, it } from "vitest";
import { errorOf, requestCount, zegoSession } from "./testing/emulator.js";

// Blocklists over HTTP against the emulator, beyond the shared contract.
const zego = zegoSession({ rateLimits: false });

describe("blocklists", () => {
  it("splits 41 users into calls of 20 for blocking and checking", async () => {
    const [owner, ...others] = (await zego.users(42)) as [string, ...string[]];
    const before = requestCount(zego.emulator);
    const blocked = await zego.adapter.blockUsers({ userId: owner, userIds: others });
    const checked = await zego.adapter.checkBlocked({ userId: owner, userIds: others });
    const sent = zego.emulator.requests({ afterSeq: before });
    expect(sent.map((r) => [r.query.Action, JSON.parse(r.body).UserIds.length])).toEqual([
      ["AddUsersToBlacklist", 20],
      ["AddUsersToBlacklist", 20],
      ["AddUsersToBlacklist", 1],
      ["CheckUsersIsInBlacklist", 20],
      ["CheckUsersIsInBlacklist", 20],
      ["CheckUsersIsInBlacklist", 1],
    ]);
    expect(blocked.map((r) => r.key)).toEqual(others);
    expect(checked.map((r) => r.ok && r.value)).toEqual(others.map(() => true));
  });

  it("answers an already blocked user done and unblocking a free one NOT_FOUND", async () => {
    const [owner, blocked, free] = (await zego.users(3)) as [string, string, string];
    await zego.adapter.blockUsers({ userId: owner, userIds: [blocked] });
    const again = await zego.adapter.blockUsers({ userId: owner, userIds: [blocked] });
    expect(again).toEqual([{ key: blocked, ok: true, value: true }]);
    const unblocked = await zego.adapter.unblockUsers({ userId: owner, userIds: [free, blocked] });
    expect(errorOf(unblocked[0])).toMatchObject({ code: "NOT_FOUND", vendorCode: "660800044" });
    expect(unblocked[1]?.ok).toBe(true);
  });

  it("answers every user NOT_FOUND when the list's owner is not registered", async () => {
    const [other] = (await zego.users(1)) as [string];
    const answers = await zego.adapter.blockUsers({ userId: zego.id("ghost"), userIds: [other] });
    expect(errorOf(answers[0])).toMatchObject({ code: "NOT_FOUND", vendorCode: "660500002" });
  });

  it("refuses bad input before any call", async () => {
    const [owner] = (await zego.users(1)) as [string];
    const before = requestCount(zego.emulator);
    await expect(
      zego.adapter.checkBlocked({ userId: owner, userIds: ["bad*id"] }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "userIds[0]" });
    await expect(zego.adapter.listBlockedUsers({ userId: owner, limit: 0 })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      field: "limit",
    });
    expect(requestCount(zego.emulator)).toBe(before);
  });
});

describe("blocklist cap", () => {
  // An app whose blocklists hold 1 (ZIM's default is 1000).
  const capped = zegoSession({ rateLimits: false, app: { blocklistLimit: 1 } });

  it("answers a user past the cap VENDOR_REJECTED with ZIM's code 660800040", async () => {
    const [owner, ...others] = (await capped.users(3)) as [string, string, string];
    const answers = await capped.adapter.blockUsers({ userId: owner, userIds: others });
    expect(answers[0]?.ok).toBe(true);
    expect(errorOf(answers[1])).toMatchObject({
      code: "VENDOR_REJECTED",
      vendor: "zego",
      vendorCode: "660800040",
    });
  });
});
