import { describe, expect, it } from "vitest";
import { ok, rcClient } from "../testing/rongcloud-client.js";
import { queryProfiles, setProfile } from "../testing/rongcloud-profiles.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

// Custom attributes of hosted user profiles (`userExtProfile`, rongcloud.md §4).

const hosting = { profileHosting: true };
const KEYED = { appKey: "keyedapp", appSecret: "keyed-secret" };
const MERGING = { appKey: "mergingapp", appSecret: "merging-secret" };
const fx = useRongCloud({
  apps: [
    { ...APP, features: hosting },
    { ...KEYED, features: hosting, userExtKeys: ["ext_level"] },
    { ...MERGING, features: hosting, profileSetMerges: true },
  ],
});
const extOf = async (rc: ReturnType<typeof rcClient>, userId: string) => {
  const list = await queryProfiles(rc, userId);
  return JSON.parse(list[0]?.userExtProfile ?? "null");
};

describe("userExtProfile", () => {
  it("a given userExtProfile replaces the stored one and leaves userProfile alone", async () => {
    ok(
      await setProfile(fx.rc, "u", { userProfile: { name: "U" }, userExtProfile: { ext_a: "1" } }),
    );
    ok(await setProfile(fx.rc, "u", { userExtProfile: { ext_b: "2" } }));
    expect(await extOf(fx.rc, "u")).toEqual({ ext_b: "2" });
    ok(await setProfile(fx.rc, "u", { userExtProfile: "{}" }));
    const [entry] = await queryProfiles(fx.rc, "u");
    expect(entry).toMatchObject({
      userProfile: JSON.stringify({ name: "U" }),
      userExtProfile: "{}",
    });
  });

  it("merges instead when the app is set so (the unverified other reading)", async () => {
    const rc = rcClient({ url: fx.emu.url, ...MERGING });
    ok(await setProfile(rc, "u", { userExtProfile: { ext_a: "1" } }));
    ok(await setProfile(rc, "u", { userExtProfile: { ext_b: "2" } }));
    expect(await extOf(rc, "u")).toEqual({ ext_a: "1", ext_b: "2" });
    // The 20-pair cap counts the merged result.
    const many = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`ext_k${i}`, "v"]));
    const r = await setProfile(rc, "u", { userExtProfile: many });
    expect(r.body.code).toBe(1002);
  });

  it("reads users by repeated or comma-joined userId, ≤100, and leaves out users never set", async () => {
    ok(await setProfile(fx.rc, "a", { userExtProfile: { ext_x: "1" } }));
    ok(await setProfile(fx.rc, "b", { userExtProfile: { ext_x: "2" } }));
    const repeated = await queryProfiles(fx.rc, ["a", "nobody", "b"]);
    expect(repeated.map((u) => u.userId)).toEqual(["a", "b"]);
    const ids = Array.from({ length: 101 }, (_, i) => `u${i}`);
    const over = await fx.rc.post("/user/profile/batch/query.json", { userId: ids });
    expect(over.body.code).toBe(1002);
  });

  it("refuses keys without ext_, over 32 characters, with other characters, and non-string values", async () => {
    const bad = [
      { level: "1" },
      { [`ext_${"k".repeat(29)}`]: "1" },
      { "ext_a-b": "1" },
      { ext_n: 3 },
    ];
    const codes = [];
    for (const ext of bad)
      codes.push((await setProfile(fx.rc, "a", { userExtProfile: ext })).body.code);
    expect(codes).toEqual([1002, 1005, 1002, 1002]);
    // 32 characters exactly is fine, and so are 256-character values.
    const longest = { [`ext_${"k".repeat(28)}`]: "v".repeat(256) };
    ok(await setProfile(fx.rc, "a", { userExtProfile: longest }));
  });

  it("refuses keys not created in the console when the app lists them", async () => {
    const rc = rcClient({ url: fx.emu.url, ...KEYED });
    ok(await setProfile(rc, "a", { userExtProfile: { ext_level: "1" } }));
    const r = await setProfile(rc, "a", { userExtProfile: { ext_city: "SZ" } });
    expect(r.body).toMatchObject({ code: 1002 });
    expect(r.body.errorMessage).toContain("ext_city");
  });
});
