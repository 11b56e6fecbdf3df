import type { ImError, ItemResult } from "@imgraph/core";
import type { RongCloudEmulator } from "@imgraph/emulators";
import { signRongCloudRequest } from "@imgraph/signing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RongCloudAdapter } from "./adapter.js";
import { adapterFor, failure, requestCount, startTestEmulator, TEST_APP } from "./test-support.js";

// User attributes, push tags, account checks, login invalidation and app-wide mutes beyond
// the contract: how calls are split and grouped, read-modify-write of hosted profiles,
// vendor codes, and refusals before any call.

const MERGING = { appKey: "mergingapp", appSecret: "merging-app-secret" };
const NO_HOSTING = { appKey: "nohosting", appSecret: "no-hosting-secret" };
let emu: RongCloudEmulator;
let im: RongCloudAdapter;

beforeAll(async () => {
  const hosting = { profileHosting: true };
  emu = await startTestEmulator({
    apps: [
      { ...TEST_APP, features: hosting },
      { ...MERGING, features: hosting, profileSetMerges: true },
      NO_HOSTING,
    ],
  });
  im = adapterFor(emu);
});
afterAll(async () => {
  await im.close();
  await emu.close();
});
beforeEach(() => emu.reset());

const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
/** Requests to one vendor path since `after`. */
const calls = (path: string, after: number) =>
  emu.requests({ afterSeq: after }).filter((r) => r.path === path);
const errorOf = (r: ItemResult<unknown> | undefined) => (r as { error: ImError }).error;
const value = <T>(r: ItemResult<T> | undefined) => (r as { value: T }).value;

/** A signed form call straight to the emulator, as another RongCloud client would make it. */
async function vendorPost(path: string, fields: Record<string, string>, app = TEST_APP) {
  const res = await fetch(`${emu.url}${path}`, {
    method: "POST",
    headers: {
      ...signRongCloudRequest(app),
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(fields).toString(),
  });
  return (await res.json()) as Record<string, unknown> & {
    userList?: Array<{ userProfile: string; userExtProfile: string }>;
  };
}

const hostedProfile = async (userId: string, app = TEST_APP) =>
  (await vendorPost("/user/profile/batch/query.json", { userId }, app)).userList?.[0];

describe("user attributes", () => {
  it("writes only userExtProfile with ext_ keys, keeping the basic profile", async () => {
    await vendorPost("/user/profile/set.json", { userId: "u", userProfile: '{"name":"Una"}' });
    await im.setUserAttributes({ userId: "u", attributes: { level: "3" } });
    await im.setUserAttributes({ userId: "u", attributes: { city: "SZ" } });
    await im.removeUserAttributes({ userId: "u", keys: ["level", "absent"] });
    expect(await hostedProfile("u")).toMatchObject({
      userProfile: '{"name":"Una"}',
      userExtProfile: '{"ext_city":"SZ"}',
    });
    const sets = emu.requests().filter((r) => r.path === "/user/profile/set.json");
    expect(sets.slice(1).map((r) => new URLSearchParams(r.body).has("userProfile"))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("removing a key nobody set makes no write", async () => {
    await im.setUserAttributes({ userId: "u", attributes: { level: "1" } });
    const before = requestCount(emu);
    await im.removeUserAttributes({ userId: "u", keys: ["city"] });
    expect(calls("/user/profile/set.json", before)).toHaveLength(0);
  });

  it("on a server that merges, a remove falls back to clean and a whole re-set", async () => {
    const merging = adapterFor(emu, MERGING);
    try {
      await vendorPost(
        "/user/profile/set.json",
        { userId: "u", userProfile: '{"name":"Una"}' },
        MERGING,
      );
      await merging.setUserAttributes({ userId: "u", attributes: { level: "3", city: "SZ" } });
      const before = requestCount(emu);
      await merging.removeUserAttributes({ userId: "u", keys: ["level"] });
      expect(calls("/user/profile/clean.json", before)).toHaveLength(1);
      expect(await merging.getUserAttributes(["u"]).then((r) => value(r[0]))).toEqual({
        city: "SZ",
      });
      expect((await hostedProfile("u", MERGING))?.userProfile).toBe('{"name":"Una"}');
    } finally {
      await merging.close();
    }
  });

  it("reads 100 users a call, in input order, {} for users never set", async () => {
    const ids = range("r", 150);
    await im.setUserAttributes({ userId: "r120", attributes: { level: "9" } });
    const before = requestCount(emu);
    const read = await im.getUserAttributes(ids);
    expect(calls("/user/profile/batch/query.json", before)).toHaveLength(2);
    expect(read.map((r) => r.key)).toEqual(ids);
    expect(value(read[120])).toEqual({ level: "9" });
    expect(value(read[0])).toEqual({});
  });

  it("refuses values over 256 characters and keys other than letters before any call", async () => {
    const before = requestCount(emu);
    const long = await failure(
      im.setUserAttributes({ userId: "u", attributes: { level: "é".repeat(257) } }),
    );
    expect(long).toMatchObject({ code: "BAD_USER_INPUT", field: "attributes.level" });
    for (const name of ["a_b", "level2"]) {
      const key = await failure(im.setUserAttributes({ userId: "u", attributes: { [name]: "1" } }));
      expect(key).toMatchObject({ code: "BAD_USER_INPUT", field: `attributes.${name}` });
    }
    expect(requestCount(emu)).toBe(before);
  });

  it("answers VENDOR_REJECTED 1009 when profile hosting is off", async () => {
    const off = adapterFor(emu, NO_HOSTING);
    try {
      const [answer] = await off.getUserAttributes(["u"]);
      expect(errorOf(answer)).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "1009" });
    } finally {
      await off.close();
    }
  });
});

describe("user tags", () => {
  it("adds with one read per 50 users and one batch set per shared result", async () => {
    const ids = range("t", 60);
    // t0 already has the tags: nothing to write for it.
    await im.setUserTags({ userIds: ["t0"], tags: ["gold", "vip"] });
    await im.setUserTags({ userIds: ["t1"], tags: ["old"] });
    const before = requestCount(emu);
    const added = await im.addUserTags({ userIds: ids, tags: ["gold", "vip"] });
    expect(added.map((r) => r.ok)).toEqual(ids.map(() => true));
    expect(calls("/user/tags/get.json", before)).toHaveLength(2);
    // Chunk 1: t2–t49 share a result (one batch), t1 has its own (one set); chunk 2: one batch.
    const batches = calls("/user/tag/batch/set.json", before);
    expect(batches.map((r) => JSON.parse(r.body).userIds.length).sort()).toEqual([10, 48]);
    const singles = calls("/user/tag/set.json", before).map((r) => JSON.parse(r.body));
    expect(singles).toEqual([{ userId: "t1", tags: ["old", "gold", "vip"] }]);
  });

  it("a user who would pass 20 tags is refused alone; the others change", async () => {
    const full = range("x", 19);
    await im.setUserTags({ userIds: ["busy"], tags: full });
    const added = await im.addUserTags({ userIds: ["busy", "calm"], tags: ["a", "b"] });
    expect(errorOf(added[0])).toMatchObject({ code: "BAD_USER_INPUT", field: "tags" });
    expect(added[1]?.ok).toBe(true);
    const tags = await im.getUserTags(["busy", "calm"]);
    expect(value(tags[0])).toHaveLength(19);
    expect(value(tags[1])).toEqual(["a", "b"]);
  });

  it("setting tags is one batch set; setting none clears each user through set", async () => {
    const ids = range("s", 3);
    let before = requestCount(emu);
    await im.setUserTags({ userIds: ids, tags: ["k"] });
    expect(calls("/user/tag/batch/set.json", before)).toHaveLength(1);
    before = requestCount(emu);
    const cleared = await im.setUserTags({ userIds: ids, tags: [] });
    expect(cleared.every((r) => r.ok)).toBe(true);
    expect(calls("/user/tag/batch/set.json", before)).toHaveLength(0);
    expect(calls("/user/tag/set.json", before)).toHaveLength(3);
    expect((await im.getUserTags(ids)).map(value)).toEqual([[], [], []]);
  });

  it("removing the last tags clears them; tags with special characters are refused", async () => {
    await im.setUserTags({ userIds: ["r"], tags: ["a"] });
    await im.removeUserTags({ userIds: ["r"], tags: ["a"] });
    expect(value((await im.getUserTags(["r"]))[0])).toEqual([]);
    const bad = await failure(im.addUserTags({ userIds: ["r"], tags: ["ok", "no way"] }));
    expect(bad).toMatchObject({ code: "BAD_USER_INPUT", field: "tags[1]" });
  });
});

describe("accounts and logins", () => {
  it("checks each user with /user/info.json; code 400 is false, another code that user's error", async () => {
    emu.seed({ users: [{ userId: "here" }, { userId: "also" }] });
    // One call at a time, so the fault meets the second call ("here").
    const serial = adapterFor(emu, { concurrency: 1 });
    try {
      emu.addFault({
        route: "/user/info.json",
        kind: "vendor-error",
        code: 1005,
        after: 1,
        times: 1,
      });
      const answers = await serial.checkAccounts(["gone", "here", "also"]);
      expect(answers.map((r) => r.key)).toEqual(["gone", "here", "also"]);
      expect(value(answers[0])).toBe(false);
      expect(errorOf(answers[1])).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "1005" });
      expect(value(answers[2])).toBe(true);
    } finally {
      await serial.close();
    }
  });

  it("invalidates 20 users a call, with one time for all", async () => {
    const ids = range("l", 45);
    const started = Date.now();
    const before = requestCount(emu);
    const answers = await im.invalidateLogins(ids);
    expect(answers.every((r) => r.ok)).toBe(true);
    const sent = calls("/user/token/expire.json", before).map((r) => new URLSearchParams(r.body));
    expect(sent.map((f) => f.getAll("userId").length).sort()).toEqual([20, 20, 5]);
    const times = new Set(sent.map((f) => Number(f.get("time"))));
    expect(times.size).toBe(1);
    expect([...times][0]).toBeGreaterThanOrEqual(started);
  });
});

describe("app-wide mutes", () => {
  it("refuses a duration for DIRECT before any call", async () => {
    const before = requestCount(emu);
    const error = await failure(
      im.muteUsers({ userIds: ["m"], scopes: ["GROUPS", "DIRECT"], durationSeconds: 60 }),
    );
    expect(error?.code).toBe("UNSUPPORTED_BY_VENDOR");
    expect(error?.message).toContain("omit durationSeconds");
    expect(requestCount(emu)).toBe(before);
  });

  it("gags in all groups by whole minutes, rounded up; permanent reads as until null", async () => {
    const before = requestCount(emu);
    await im.muteUsers({ userIds: ["m"], scopes: ["GROUPS"], durationSeconds: 61 });
    await im.muteUsers({ userIds: ["p"], scopes: ["GROUPS"] });
    const minutes = calls("/group/user/gag/add.json", before).map(
      (r) => new URLSearchParams(r.body),
    );
    expect(minutes.map((f) => [f.get("minute"), f.has("groupId")])).toEqual([
      ["2", false],
      ["0", false],
    ]);
    const [m, p] = await im.getUserMutes(["m", "p"]);
    expect(value(p)).toEqual([{ scope: "GROUPS", until: null }]);
    const until = value(m)[0]?.until?.getTime() ?? 0;
    expect(Math.abs(until - (Date.now() + 120_000))).toBeLessThan(5_000);
  });

  it("the all-groups cap of 100 users is VENDOR_REJECTED with RongCloud's code", async () => {
    const ids = range("g", 101);
    const answers = await im.muteUsers({ userIds: ids, scopes: ["GROUPS"] });
    expect(answers.slice(0, 100).every((r) => r.ok)).toBe(true);
    expect(errorOf(answers[100])).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "1002" });
  });

  it("pages the one-to-one list until the asked users are found", async () => {
    const ids = range("d", 450);
    await im.muteUsers({ userIds: ids, scopes: ["DIRECT"] });
    let before = requestCount(emu);
    const [last, free] = await im.getUserMutes(["d449", "free"]);
    expect(value(last)).toEqual([{ scope: "DIRECT", until: null }]);
    expect(value(free)).toEqual([]);
    expect(calls("/user/chat/fb/querylist.json", before)).toHaveLength(3);
    before = requestCount(emu);
    await im.getUserMutes(["d0"]);
    expect(calls("/user/chat/fb/querylist.json", before)).toHaveLength(1);
    await im.unmuteUsers({ userIds: ids, scopes: ["DIRECT"] });
    expect(value((await im.getUserMutes(["d449"]))[0])).toEqual([]);
  });
});
