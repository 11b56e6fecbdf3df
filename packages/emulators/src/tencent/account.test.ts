import { describe, expect, it } from "vitest";
import { createGroup, ok, useTencent, withTencent } from "./test-support.js";

const fx = useTencent();
const svc = (cmd: string, body: unknown) => fx.tim.call(`im_open_login_svc/${cmd}`, body);
const status = async (...ids: string[]) =>
  ok(await svc("account_check", { CheckItem: ids.map((UserID) => ({ UserID })) })).ResultItem.map(
    (r: { AccountStatus: string }) => r.AccountStatus,
  );

describe("account_import", () => {
  it("imports idempotently and stores Nick/FaceUrl as profile tags", async () => {
    ok(await svc("account_import", { UserID: "alice", Nick: "Alice", FaceUrl: "https://x/a.png" }));
    ok(await svc("account_import", { UserID: "alice" }));
    expect(await status("alice", "nobody")).toEqual(["Imported", "NotImported"]);
    const p = ok(
      await fx.tim.call("profile/portrait_get", {
        To_Account: ["alice"],
        TagList: ["Tag_Profile_IM_Nick", "Tag_Profile_IM_Image"],
      }),
    );
    expect(p.UserProfileItem[0].ProfileItem).toEqual([
      { Tag: "Tag_Profile_IM_Nick", Value: "Alice" },
      { Tag: "Tag_Profile_IM_Image", Value: "https://x/a.png" },
    ]);
  });

  it("accepts the old Identifier field", async () => {
    ok(await svc("account_import", { Identifier: "old" }));
    expect(await status("old")).toEqual(["Imported"]);
  });

  it("refuses a missing or over-32-byte UserID (70402) and a Nick over 500 bytes (40601)", async () => {
    expect((await svc("account_import", {})).ErrorCode).toBe(70402);
    expect((await svc("account_import", { UserID: "a".repeat(33) })).ErrorCode).toBe(70402);
    ok(await svc("account_import", { UserID: "a".repeat(32) }));
    expect((await svc("account_import", { UserID: "n", Nick: "x".repeat(501) })).ErrorCode).toBe(
      40601,
    );
  });
});

describe("multiaccount_import", () => {
  it("takes the old Accounts form and reports FailAccounts", async () => {
    const r = ok(await svc("multiaccount_import", { Accounts: ["a", "b", "c".repeat(40)] }));
    expect(r.FailAccounts).toEqual(["c".repeat(40)]);
    expect(await status("a", "b")).toEqual(["Imported", "Imported"]);
  });

  it("takes the new AccountList form and updates existing accounts", async () => {
    ok(await svc("account_import", { UserID: "a", Nick: "old" }));
    const r = ok(
      await svc("multiaccount_import", {
        AccountList: [{ UserID: "a", Nick: "new" }, { UserID: "b" }],
      }),
    );
    expect(r.FailAccounts).toEqual([]);
    const p = ok(
      await fx.tim.call("profile/portrait_get", {
        To_Account: ["a"],
        TagList: ["Tag_Profile_IM_Nick"],
      }),
    );
    expect(p.UserProfileItem[0].ProfileItem[0].Value).toBe("new");
  });

  it("caps a call at 100 accounts (70206) and needs a list (70402)", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `u${i}`);
    expect((await svc("multiaccount_import", { Accounts: ids })).ErrorCode).toBe(70206);
    ok(await svc("multiaccount_import", { Accounts: ids.slice(0, 100) }));
    expect((await svc("multiaccount_import", {})).ErrorCode).toBe(70402);
    expect((await svc("multiaccount_import", { AccountList: [{ Nick: "x" }] })).ErrorCode).toBe(
      70402,
    );
  });
});

describe("account_delete / account_check", () => {
  it("deletes with per-item ResultItem (70107 for unknown accounts)", async () => {
    ok(await svc("account_import", { UserID: "a" }));
    const r = ok(await svc("account_delete", { DeleteItem: [{ UserID: "a" }, { UserID: "zz" }] }));
    expect(r.ResultItem).toEqual([
      { UserID: "a", ResultCode: 0, ResultInfo: "" },
      { UserID: "zz", ResultCode: 70107, ResultInfo: "Err_TLS_PT_Open_Login_Account_Not_Exist" },
    ]);
    expect(await status("a")).toEqual(["NotImported"]);
  });

  it("removes the account from groups and blocklists", async () => {
    ok(await svc("multiaccount_import", { Accounts: ["a", "b"] }));
    const g = await createGroup(fx.tim, {
      Owner_Account: "b",
      MemberList: [{ Member_Account: "a" }],
    });
    ok(await fx.tim.call("sns/black_list_add", { From_Account: "b", To_Account: ["a"] }));
    ok(await svc("account_delete", { DeleteItem: [{ UserID: "a" }] }));
    const info = ok(await fx.tim.call("group_open_http_svc/get_group_member_info", { GroupId: g }));
    expect(info.MemberList.map((m: { Member_Account: string }) => m.Member_Account)).toEqual(["b"]);
    const bl = ok(
      await fx.tim.call("sns/black_list_get", {
        From_Account: "b",
        StartIndex: 0,
        MaxLimited: 10,
        LastSequence: 0,
      }),
    );
    expect(bl.BlackListItem).toEqual([]);
  });

  it("blocks re-import for 3 months on paid editions (70399)", async () => {
    ok(await svc("account_import", { UserID: "a" }));
    ok(await svc("account_delete", { DeleteItem: [{ UserID: "a" }] }));
    expect((await svc("account_import", { UserID: "a" })).ErrorCode).toBe(70399);
    fx.emu.setClock({ advanceMs: 91 * 86_400_000 });
    ok(await svc("account_import", { UserID: "a" }));
  });

  it("caps DeleteItem and CheckItem at 100 (70206)", async () => {
    const items = Array.from({ length: 101 }, (_, i) => ({ UserID: `u${i}` }));
    expect((await svc("account_delete", { DeleteItem: items })).ErrorCode).toBe(70206);
    expect((await svc("account_check", { CheckItem: items })).ErrorCode).toBe(70206);
    expect((await svc("account_check", {})).ErrorCode).toBe(70402);
  });
});

describe("trial edition", () => {
  it("caps accounts at 100 (70398) and allows re-import after delete", async () => {
    await withTencent({ edition: "trial" }, async (tim) => {
      // The admin account counts: 99 more fit.
      const ids = Array.from({ length: 99 }, (_, i) => `u${i}`);
      ok(await tim.call("im_open_login_svc/multiaccount_import", { Accounts: ids }));
      expect(
        (await tim.call("im_open_login_svc/account_import", { UserID: "extra" })).ErrorCode,
      ).toBe(70398);
      ok(await tim.call("im_open_login_svc/account_delete", { DeleteItem: [{ UserID: "u0" }] }));
      ok(await tim.call("im_open_login_svc/account_import", { UserID: "u0" }));
    });
  });
});

describe("kick", () => {
  it("needs an imported account (70107) and takes the user offline", async () => {
    expect((await svc("kick", { UserID: "ghost" })).ErrorCode).toBe(70107);
    expect((await svc("kick", {})).ErrorCode).toBe(70402);
    ok(await svc("account_import", { UserID: "a" }));
    fx.emu.login({ userId: "a", platform: "Android" });
    ok(await svc("kick", { UserID: "a" }));
    const q = ok(await fx.tim.call("openim/query_online_status", { To_Account: ["a"] }));
    expect(q.QueryResult[0].State).toBe("Offline");
  });
});

describe("client login with a UserSig (control API)", () => {
  const login = (userId: string, userSig: string) => () => fx.emu.login({ userId, userSig });

  it("refuses a UserSig issued before the user's kick; later ones and other users' still work", async () => {
    ok(await svc("multiaccount_import", { Accounts: ["k1", "k2"] }));
    const start = fx.emu.now();
    const old = fx.tim.sig("k1", 86_400, start);
    const other = fx.tim.sig("k2", 86_400, start);
    expect(login("k1", old)).not.toThrow();
    fx.emu.setClock({ advanceMs: 1_000 });
    ok(await svc("kick", { UserID: "k1" }));
    expect(login("k1", old)).toThrow(/^70052/);
    expect(login("k2", other)).not.toThrow();
    // Issued in the kick's own second: still valid (only earlier seconds are cut off).
    expect(login("k1", fx.tim.sig("k1", 86_400, fx.emu.now()))).not.toThrow();
  });

  it("checks the key, the user and the expiry like a REST call", async () => {
    ok(await svc("account_import", { UserID: "k3" }));
    expect(login("k3", fx.tim.sig("k3", 86_400, fx.emu.now(), "another-key"))).toThrow(/^70009/);
    expect(login("k3", fx.tim.sig("someone", 86_400))).toThrow(/^70013/);
    expect(login("k3", fx.tim.sig("k3", 10, fx.emu.now() - 60_000))).toThrow(/^70001/);
    expect(() => fx.emu.login({ userId: "k3", userSig: 42 })).toThrow(/string/);
  });
});
