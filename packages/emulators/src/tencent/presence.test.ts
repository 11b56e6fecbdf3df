import { describe, expect, it } from "vitest";
import { type Body, importUsers, ok, useTencent } from "./test-support.js";

const fx = useTencent();
const query = (To_Account: string[], IsNeedDetail?: number) =>
  fx.tim.call("openim/query_online_status", {
    To_Account,
    ...(IsNeedDetail ? { IsNeedDetail } : {}),
  });

describe("query_online_status (driven by simulated client login/logout)", () => {
  it("follows login and logout per platform, with Detail on demand", async () => {
    await importUsers(fx.tim, "a", "b");
    expect(ok(await query(["a", "b"])).QueryResult).toEqual([
      { To_Account: "a", State: "Offline" },
      { To_Account: "b", State: "Offline" },
    ]);
    fx.emu.login({ userId: "a", platform: "iOS" });
    fx.emu.login({ userId: "a", platform: "Web" });
    const r = ok(await query(["a"], 1));
    expect(r.QueryResult[0]).toEqual({
      To_Account: "a",
      State: "Online",
      Detail: [
        { Platform: "iOS", Status: "Online" },
        { Platform: "Web", Status: "Online" },
      ],
    });
    fx.emu.logout({ userId: "a", platform: "iOS" });
    expect(ok(await query(["a"])).QueryResult[0].State).toBe("Online");
    fx.emu.logout({ userId: "a" });
    expect(ok(await query(["a"])).QueryResult[0].State).toBe("Offline");
  });

  it("lists unknown accounts in ErrorList with 70107; the old querystate path works too", async () => {
    await importUsers(fx.tim, "a");
    const r = ok(await fx.tim.call("openim/querystate", { To_Account: ["a", "ghost"] }));
    expect(r.QueryResult).toHaveLength(1);
    expect(r.ErrorList).toEqual([{ To_Account: "ghost", ErrorCode: 70107 }]);
  });

  it("takes at most 500 accounts (90011) and needs To_Account (90003)", async () => {
    const ids = Array.from({ length: 501 }, (_, i) => `u${i}`);
    expect((await query(ids)).ErrorCode).toBe(90011);
    expect(ok(await query(ids.slice(0, 500))).ErrorList).toHaveLength(500);
    expect((await fx.tim.call("openim/query_online_status", {})).ErrorCode).toBe(90003);
  });

  it("refuses control logins of unknown users", async () => {
    expect(() => fx.emu.login({ userId: "ghost" })).toThrow(/not imported/);
    expect(() => fx.emu.login({ app: 42, userId: "a" })).toThrow(/unknown app/);
  });
});

describe("global mute (openconfigsvr)", () => {
  it("sets, reads and expires C2C and group mutes", async () => {
    await importUsers(fx.tim, "a");
    ok(
      await fx.tim.call("openconfigsvr/setnospeaking", {
        Set_Account: "a",
        C2CmsgNospeakingTime: 100,
        GroupmsgNospeakingTime: 4294967295,
      }),
    );
    expect(
      ok(await fx.tim.call("openconfigsvr/getnospeaking", { Get_Account: "a" })),
    ).toMatchObject({
      C2CmsgNospeakingTime: 100,
      GroupmsgNospeakingTime: 4294967295,
    });
    fx.emu.setClock({ advanceMs: 101_000 });
    const later = ok(await fx.tim.call("openconfigsvr/getnospeaking", { Get_Account: "a" }));
    expect(later).toMatchObject({ C2CmsgNospeakingTime: 0, GroupmsgNospeakingTime: 4294967295 });
    ok(
      await fx.tim.call("openconfigsvr/setnospeaking", {
        Set_Account: "a",
        GroupmsgNospeakingTime: 0,
      }),
    );
    expect(
      ok(await fx.tim.call("openconfigsvr/getnospeaking", { Get_Account: "a" }))
        .GroupmsgNospeakingTime,
    ).toBe(0);
  });

  it("answers the pages' codes: 130008 no time, 130004 / 130002 no account, 130005 / 130003 unknown account", async () => {
    await importUsers(fx.tim, "a");
    const code = async (command: string, body: Body) =>
      (await fx.tim.call(`openconfigsvr/${command}`, body)).ErrorCode;
    expect(await code("setnospeaking", { Set_Account: "a" })).toBe(130008);
    expect(await code("setnospeaking", { C2CmsgNospeakingTime: 1 })).toBe(130004);
    expect(await code("setnospeaking", { Set_Account: "x", C2CmsgNospeakingTime: 1 })).toBe(130005);
    expect(await code("getnospeaking", { Get_Account: "x" })).toBe(130003);
    expect(await code("getnospeaking", {})).toBe(130002);
    // A time that is not a uint32: 130001 (unverified: the page names no code for it).
    expect(await code("setnospeaking", { Set_Account: "a", C2CmsgNospeakingTime: -1 })).toBe(
      130001,
    );
    expect(
      await code("setnospeaking", { Set_Account: "a", GroupmsgNospeakingTime: 4294967296 }),
    ).toBe(130001);
  });
});

describe("blocklist (sns)", () => {
  const get = (StartIndex: number, MaxLimited: number) =>
    fx.tim.call("sns/black_list_get", {
      From_Account: "a",
      StartIndex,
      MaxLimited,
      LastSequence: 0,
    });

  it("adds, pages and deletes with per-item results", async () => {
    await importUsers(fx.tim, "a", "b", "c", "d");
    const add = ok(
      await fx.tim.call("sns/black_list_add", {
        From_Account: "a",
        To_Account: ["b", "c", "ghost"],
      }),
    );
    expect(add.ErrorDisplay).toBe("");
    expect(add.ResultItem).toEqual([
      { To_Account: "b", ResultCode: 0, ResultInfo: "" },
      { To_Account: "c", ResultCode: 0, ResultInfo: "" },
      {
        To_Account: "ghost",
        ResultCode: 30003,
        ResultInfo: "Err_SNS_BlackListAdd_Account_Not_Exist",
      },
    ]);
    expect(add.Fail_Account).toEqual(["ghost"]);
    ok(await fx.tim.call("sns/black_list_add", { From_Account: "a", To_Account: ["d"] }));
    const p1 = ok(await get(0, 2));
    expect(p1.BlackListItem.map((x: { To_Account: string }) => x.To_Account)).toEqual(["b", "c"]);
    // Added during this test: within the last few seconds of the emulated clock.
    const now = Math.floor(fx.emu.now() / 1000);
    expect(p1.BlackListItem[0].AddBlackTimeStamp).toBeGreaterThan(now - 10);
    expect(p1.BlackListItem[0].AddBlackTimeStamp).toBeLessThanOrEqual(now);
    expect(p1.StartIndex).toBe(2);
    expect(p1.CurruentSequence).toBe(3);
    const p2 = ok(await get(2, 2));
    expect(p2.BlackListItem.map((x: { To_Account: string }) => x.To_Account)).toEqual(["d"]);
    expect(p2.StartIndex).toBe(0);
    const del = ok(
      await fx.tim.call("sns/black_list_delete", { From_Account: "a", To_Account: ["b"] }),
    );
    expect(del.ResultItem).toEqual([{ To_Account: "b", ResultCode: 0, ResultInfo: "" }]);
    expect(del).not.toHaveProperty("Fail_Account");
    expect(ok(await get(0, 10)).BlackListItem).toHaveLength(2);
  });

  it("validates: unknown From_Account 30003, MaxLimited 1-1000, batch ≤1000", async () => {
    await importUsers(fx.tim, "a");
    expect(
      (await fx.tim.call("sns/black_list_add", { From_Account: "x", To_Account: ["a"] })).ErrorCode,
    ).toBe(30003);
    expect((await get(0, 1001)).ErrorCode).toBe(30001);
    expect((await fx.tim.call("sns/black_list_get", { From_Account: "a" })).ErrorCode).toBe(30001);
    const many = Array.from({ length: 1001 }, (_, i) => `u${i}`);
    expect(
      (await fx.tim.call("sns/black_list_add", { From_Account: "a", To_Account: many })).ErrorCode,
    ).toBe(30001);
    expect(
      (await fx.tim.call("sns/black_list_add", { From_Account: "a", To_Account: ["a"] }))
        .ResultItem[0].ResultCode,
    ).toBe(30001);
  });
});
