import { describe, expect, it } from "vitest";
import { type Body, createGroup, importUsers, ok, useTencent } from "./test-support.js";

const fx = useTencent();
const call = (cmd: string, body: Body) => fx.tim.call(`group_open_http_svc/${cmd}`, body);
const nowS = () => Math.floor(fx.emu.now() / 1000);

describe("import_group / import_group_member (#17 §2.6)", () => {
  it("keeps CreateTime, the owner, each member's JoinTime and the admin role", async () => {
    await importUsers(fx.tim, "o", "a", "m");
    const created = nowS() - 86_400;
    const r = ok(
      await call("import_group", {
        Type: "Public",
        GroupId: "imp1",
        Name: "Moved",
        Owner_Account: "o",
        CreateTime: created,
      }),
    );
    expect(r.GroupId).toBe("imp1");
    const joined = created + 3600;
    const members = ok(
      await call("import_group_member", {
        GroupId: "imp1",
        MemberList: [
          { Member_Account: "a", Role: "Admin", JoinTime: joined },
          { Member_Account: "m", JoinTime: joined },
          { Member_Account: "o" },
          { Member_Account: "ghost" },
        ],
      }),
    );
    expect(members.MemberList).toEqual([
      { Member_Account: "a", Result: 1 },
      { Member_Account: "m", Result: 1 },
      { Member_Account: "o", Result: 2 },
      { Member_Account: "ghost", Result: 0 },
    ]);
    const info = ok(await call("get_group_info", { GroupIdList: ["imp1"] })).GroupInfo[0];
    expect(info).toMatchObject({ CreateTime: created, Owner_Account: "o", MemberNum: 3 });
    const list = ok(await call("get_group_member_info", { GroupId: "imp1" })).MemberList;
    expect(list.map((m: Body) => [m.Member_Account, m.Role, m.JoinTime])).toEqual([
      ["o", "Owner", created],
      ["a", "Admin", joined],
      ["m", "Member", joined],
    ]);
  });

  it("a JoinTime not after the creation, or in the future, imports nobody for that row (Result 0)", async () => {
    await importUsers(fx.tim, "o", "a", "b", "c", "d");
    const created = nowS() - 600;
    ok(
      await call("import_group", {
        Type: "Public",
        GroupId: "imp2",
        Name: "x",
        CreateTime: created,
      }),
    );
    const r = ok(
      await call("import_group_member", {
        GroupId: "imp2",
        MemberList: [
          { Member_Account: "a", JoinTime: created - 1 },
          { Member_Account: "b", JoinTime: nowS() + 60 },
          { Member_Account: "c", JoinTime: created },
          { Member_Account: "d", JoinTime: created + 1 },
        ],
      }),
    );
    expect(r.MemberList.map((m: Body) => m.Result)).toEqual([0, 0, 0, 1]);
  });

  it("refuses AVChatRoom (10007), a taken id (10021), a future CreateTime and roles other than Admin (10004), over 300 members (10005)", async () => {
    await importUsers(fx.tim, "o");
    const base = { Type: "Public", Name: "x" };
    expect((await call("import_group", { ...base, Type: "AVChatRoom" })).ErrorCode).toBe(10007);
    ok(await call("import_group", { ...base, GroupId: "imp3" }));
    expect((await call("import_group", { ...base, GroupId: "imp3" })).ErrorCode).toBe(10021);
    expect((await call("import_group", { ...base, CreateTime: nowS() + 60 })).ErrorCode).toBe(
      10004,
    );
    const m = (body: Body) => call("import_group_member", { GroupId: "imp3", ...body });
    expect((await m({ MemberList: [{ Member_Account: "o", Role: "Owner" }] })).ErrorCode).toBe(
      10004,
    );
    const many = Array.from({ length: 301 }, (_, i) => ({ Member_Account: `u${i}` }));
    expect((await m({ MemberList: many })).ErrorCode).toBe(10005);
    ok(await call("import_group", { ...base, Type: "Private", GroupId: "imp4" }));
    const work = await call("import_group_member", {
      GroupId: "imp4",
      MemberList: [{ Member_Account: "o", Role: "Admin" }],
    });
    expect(work.ErrorCode).toBe(10004);
    const live = await createGroup(fx.tim, { Type: "AVChatRoom" });
    expect(
      (await call("import_group_member", { GroupId: live, MemberList: [{ Member_Account: "o" }] }))
        .ErrorCode,
    ).toBe(10007);
  });
});
