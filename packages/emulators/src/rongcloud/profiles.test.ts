import { describe, expect, it } from "vitest";
import { ok } from "../testing/rongcloud-client.js";
import { type ProfileParts, queryProfiles, setProfile } from "../testing/rongcloud-profiles.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

const fx = useRongCloud({ apps: [{ ...APP, features: { profileHosting: true } }] });
const profile = (p: Record<string, unknown>) => JSON.stringify(p);

describe("user profile hosting (§2.1)", () => {
  it("sets each given part, queries in batch (JSON text) and by page, cleans", async () => {
    ok(await fx.rc.post("/user/getToken.json", { userId: "a", name: "A" }));
    ok(await setProfile(fx.rc, "a", { userProfile: { name: "Alice", gender: 1 } }));
    ok(await setProfile(fx.rc, "a", { userExtProfile: { ext_team: "blue" } }));
    ok(await setProfile(fx.rc, "b", { userProfile: { email: "b@x.io" } }));
    expect(await queryProfiles(fx.rc, "a,b,nobody")).toEqual([
      {
        userId: "a",
        version: 2,
        userProfile: profile({ name: "Alice", gender: 1 }),
        userExtProfile: profile({ ext_team: "blue" }),
      },
      { userId: "b", version: 1, userProfile: profile({ email: "b@x.io" }), userExtProfile: "{}" },
    ]);
    const page = ok(await fx.rc.post("/user/profile/query.json", { page: 1, size: 1, order: 1 }));
    expect(page.userList.map((u: { userId: string }) => u.userId)).toEqual(["b"]);
    ok(await fx.rc.post("/user/profile/clean.json", { userId: "a" }));
    expect(await queryProfiles(fx.rc, "a")).toEqual([]);
  });

  it("validates profile keys, lengths and ext keys", async () => {
    const bad: ProfileParts[] = [
      { userProfile: { nickname: "x" } },
      { userProfile: { gender: 3 } },
      { userProfile: { level: 101 } },
      { userProfile: "not json" },
      { userExtProfile: { team: "x" } },
      {
        userExtProfile: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`ext_${i}`, "v"])),
      },
    ];
    for (const b of bad) expect((await setProfile(fx.rc, "a", b)).body.code).toBe(1002);
    const long = await setProfile(fx.rc, "a", { userProfile: { name: "n".repeat(65) } });
    expect(long.body).toMatchObject({ code: 1005 });
    expect(long.body.errorMessage).toContain("userProfile.name");
    const longExt = await setProfile(fx.rc, "a", { userExtProfile: { ext_a: "v".repeat(257) } });
    expect(longExt.body.code).toBe(1005);
  });
});

describe("profile hosting off", () => {
  it("answers 430 / 1009", async () => {
    const { startRongCloudEmulator } = await import("./index.js");
    const { rcClient } = await import("../testing/rongcloud-client.js");
    const emu = await startRongCloudEmulator({ apps: [APP] });
    try {
      const r = await rcClient({ url: emu.url, ...APP }).post("/user/profile/set.json", {
        userId: "a",
      });
      expect(r).toMatchObject({ status: 430, body: { code: 1009 } });
    } finally {
      await emu.close();
    }
  });
});
