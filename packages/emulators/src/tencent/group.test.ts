import { describe, expect, it } from "vitest";
import { type Body, importUsers, ok, useTencent } from "./test-support.js";

const fx = useTencent();
const g = (cmd: string, body: Record<string, unknown>) =>
  fx.tim.call(`group_open_http_svc/${cmd}`, body);
const create = async (body: Record<string, unknown>) =>
  ok(await g("create_group", { Type: "Public", Name: "team", ...body })).GroupId as string;
const members = async (GroupId: string) =>
  ok(await g("get_group_member_info", { GroupId })).MemberList.map(
    (m: Body) => `${m.Member_Account}:${m.Role}`,
  );

describe("create_group", () => {
  it("creates each type with an @TGS# id; owner and MemberList join", async () => {
    await importUsers(fx.tim, "o", "a", "b");
    for (const Type of ["Private", "Public", "ChatRoom", "AVChatRoom"]) {
      const id = await create({ Type, Owner_Account: "o" });
      expect(id).toMatch(/^@TGS#/);
    }
    const community = await create({ Type: "Community", Owner_Account: "o" });
    expect(community).toMatch(/^@TGS#_/);
    const id = await create({
      Owner_Account: "o",
      MemberList: [{ Member_Account: "a", Role: "Admin" }, { Member_Account: "b" }],
    });
    expect(await members(id)).toEqual(["o:Owner", "a:Admin", "b:Member"]);
    // Work groups have no admins: Role Admin becomes a member.
    const work = await create({
      Type: "Private",
      Owner_Account: "o",
      MemberList: [{ Member_Account: "a", Role: "Admin" }],
    });
    expect(await members(work)).toEqual(["o:Owner", "a:Member"]);
  });

  it("takes custom GroupIds with their rules; a taken id is 10021 (10025 for its owner)", async () => {
    await importUsers(fx.tim, "o", "p");
    expect(await create({ GroupId: "my-group", Owner_Account: "o" })).toBe("my-group");
    expect(
      (
        await g("create_group", {
          Type: "Public",
          Name: "x",
          GroupId: "my-group",
          Owner_Account: "p",
        })
      ).ErrorCode,
    ).toBe(10021);
    expect(
      (
        await g("create_group", {
          Type: "Public",
          Name: "x",
          GroupId: "my-group",
          Owner_Account: "o",
        })
      ).ErrorCode,
    ).toBe(10025);
    expect(
      (await g("create_group", { Type: "Public", Name: "x", GroupId: "@TGS#mine" })).ErrorCode,
    ).toBe(10015);
    expect((await g("create_group", { Type: "Public", Name: "x", GroupId: "é" })).ErrorCode).toBe(
      10015,
    );
    expect(
      (await g("create_group", { Type: "Public", Name: "x", GroupId: "x".repeat(49) })).ErrorCode,
    ).toBe(10015);
    expect(
      (await g("create_group", { Type: "Community", Name: "x", GroupId: "plain" })).ErrorCode,
    ).toBe(10015);
    expect(await create({ Type: "Community", GroupId: "@TGS#_mine" })).toBe("@TGS#_mine");
  });

  it("validates: Type, Name, owner/member accounts, AVChatRoom MemberList, caps", async () => {
    await importUsers(fx.tim, "o", "a");
    const c = async (b: Record<string, unknown>) =>
      (await g("create_group", { Type: "Public", Name: "n", ...b })).ErrorCode;
    expect(await c({ Type: "Work" })).toBe(10004);
    expect(await c({ Name: undefined })).toBe(10004);
    expect(await c({ Name: "n".repeat(101) })).toBe(10004);
    expect(await c({ Introduction: "i".repeat(241) })).toBe(10004);
    expect(await c({ ApplyJoinOption: "Maybe" })).toBe(10004);
    expect(await c({ Owner_Account: "ghost" })).toBe(10019);
    expect(await c({ MemberList: [{ Member_Account: "ghost" }] })).toBe(10019);
    expect(await c({ Type: "AVChatRoom", MemberList: [{ Member_Account: "a" }] })).toBe(10007);
    expect(await c({ Type: "Private", MaxMemberCount: 201 })).toBe(10004);
    expect(
      await c({ MaxMemberCount: 1, Owner_Account: "o", MemberList: [{ Member_Account: "a" }] }),
    ).toBe(10014);
    const many = Array.from({ length: 501 }, (_, i) => ({ Member_Account: `u${i}` }));
    expect(await c({ MemberList: many })).toBe(10005);
  });

  it("allows no owner", async () => {
    const id = await create({});
    const info = ok(await g("get_group_info", { GroupIdList: [id] })).GroupInfo[0];
    expect(info).toMatchObject({ Owner_Account: "", MemberNum: 0 });
  });
});

describe("get_group_info / modify_group_base_info / destroy_group", () => {
  it("returns base info, members, and per-item errors for unknown groups", async () => {
    await importUsers(fx.tim, "o", "a");
    const id = await create({
      Owner_Account: "o",
      Introduction: "intro",
      AppDefinedData: [{ Key: "k", Value: "v" }],
      MemberList: [{ Member_Account: "a" }],
    });
    const r = ok(await g("get_group_info", { GroupIdList: [id, "nope", "bad\u0001id"] }));
    expect(r.GroupInfo[0]).toMatchObject({
      GroupId: id,
      ErrorCode: 0,
      Type: "Public",
      Name: "team",
      Appid: 1400000000,
      Introduction: "intro",
      Owner_Account: "o",
      NextMsgSeq: 1,
      MemberNum: 2,
      MaxMemberNum: 2000,
      ApplyJoinOption: "NeedPermission",
      MuteAllMember: "Off",
      AppDefinedData: [{ Key: "k", Value: "v" }],
    });
    expect(r.GroupInfo[0].MemberList).toHaveLength(2);
    expect(r.GroupInfo[1]).toMatchObject({ GroupId: "nope", ErrorCode: 10010 });
    expect(r.GroupInfo[2]).toMatchObject({ ErrorCode: 10015 });
  });

  it("applies ResponseFilter and caps GroupIdList at 50", async () => {
    const id = await create({});
    const r = ok(
      await g("get_group_info", {
        GroupIdList: [id],
        ResponseFilter: { GroupBaseInfoFilter: ["Name", "MemberNum"] },
      }),
    );
    expect(r.GroupInfo[0]).toEqual({
      GroupId: id,
      Name: "team",
      MemberNum: 0,
      ErrorCode: 0,
      ErrorInfo: "",
    });
    const ids = Array.from({ length: 51 }, (_, i) => `g${i}`);
    expect((await g("get_group_info", { GroupIdList: ids })).ErrorCode).toBe(10005);
  });

  it("modifies base info; From_Account must be owner or admin (10007)", async () => {
    await importUsers(fx.tim, "o", "a");
    const id = await create({ Owner_Account: "o", MemberList: [{ Member_Account: "a" }] });
    ok(
      await g("modify_group_base_info", {
        GroupId: id,
        Name: "new",
        MuteAllMember: "On",
        Notification: "n",
      }),
    );
    const info = ok(await g("get_group_info", { GroupIdList: [id] })).GroupInfo[0];
    expect(info).toMatchObject({
      Name: "new",
      MuteAllMember: "On",
      ShutUpAllMember: "On",
      Notification: "n",
    });
    expect(
      (await g("modify_group_base_info", { GroupId: id, Name: "x", From_Account: "a" })).ErrorCode,
    ).toBe(10007);
    ok(await g("modify_group_base_info", { GroupId: id, Name: "x", From_Account: "o" }));
    expect(
      (await g("modify_group_base_info", { GroupId: id, MuteAllMember: "Yes" })).ErrorCode,
    ).toBe(10004);
    expect((await g("modify_group_base_info", { GroupId: "nope", Name: "x" })).ErrorCode).toBe(
      10010,
    );
  });

  it("destroys: the group is gone afterwards (10010)", async () => {
    const id = await create({});
    ok(await g("destroy_group", { GroupId: id }));
    expect((await g("destroy_group", { GroupId: id })).ErrorCode).toBe(10010);
    expect(ok(await g("get_group_info", { GroupIdList: [id] })).GroupInfo[0].ErrorCode).toBe(10010);
    expect((await g("destroy_group", {})).ErrorCode).toBe(10004);
  });
});

describe("members", () => {
  it("add_group_member: Result 1 added, 2 already a member, 0 not imported", async () => {
    await importUsers(fx.tim, "o", "a", "b");
    const id = await create({ Owner_Account: "o", MemberList: [{ Member_Account: "a" }] });
    const r = ok(
      await g("add_group_member", {
        GroupId: id,
        MemberList: [{ Member_Account: "a" }, { Member_Account: "b" }, { Member_Account: "ghost" }],
      }),
    );
    expect(r.MemberList).toEqual([
      { Member_Account: "a", Result: 2 },
      { Member_Account: "b", Result: 1 },
      { Member_Account: "ghost", Result: 0 },
    ]);
    expect(await members(id)).toEqual(["o:Owner", "a:Member", "b:Member"]);
  });

  it("add_group_member: AVChatRoom 10007, full 10014, over 300 10005", async () => {
    await importUsers(fx.tim, "o", "a", "b");
    const live = await create({ Type: "AVChatRoom" });
    expect(
      (await g("add_group_member", { GroupId: live, MemberList: [{ Member_Account: "a" }] }))
        .ErrorCode,
    ).toBe(10007);
    const small = await create({ Owner_Account: "o", MaxMemberCount: 2 });
    ok(await g("add_group_member", { GroupId: small, MemberList: [{ Member_Account: "a" }] }));
    expect(
      (await g("add_group_member", { GroupId: small, MemberList: [{ Member_Account: "b" }] }))
        .ErrorCode,
    ).toBe(10014);
    const many = Array.from({ length: 301 }, (_, i) => ({ Member_Account: `u${i}` }));
    expect((await g("add_group_member", { GroupId: small, MemberList: many })).ErrorCode).toBe(
      10005,
    );
  });

  it("delete_group_member: non-members succeed, AVChatRoom 10004, ≤100, owner refused", async () => {
    await importUsers(fx.tim, "o", "a");
    const id = await create({ Owner_Account: "o", MemberList: [{ Member_Account: "a" }] });
    ok(await g("delete_group_member", { GroupId: id, MemberToDel_Account: ["a", "stranger"] }));
    expect(await members(id)).toEqual(["o:Owner"]);
    expect(
      (await g("delete_group_member", { GroupId: id, MemberToDel_Account: ["o"] })).ErrorCode,
    ).toBe(10004);
    const live = await create({ Type: "AVChatRoom" });
    expect(
      (await g("delete_group_member", { GroupId: live, MemberToDel_Account: ["a"] })).ErrorCode,
    ).toBe(10004);
    const many = Array.from({ length: 101 }, (_, i) => `u${i}`);
    expect(
      (await g("delete_group_member", { GroupId: id, MemberToDel_Account: many })).ErrorCode,
    ).toBe(10005);
  });

  it("removing everyone does not dismiss the group", async () => {
    await importUsers(fx.tim, "a");
    const id = await create({ MemberList: [{ Member_Account: "a" }] });
    ok(await g("delete_group_member", { GroupId: id, MemberToDel_Account: ["a"] }));
    expect(ok(await g("get_group_info", { GroupIdList: [id] })).GroupInfo[0]).toMatchObject({
      ErrorCode: 0,
      MemberNum: 0,
    });
  });

  it("get_group_member_info pages with Limit/Offset and filters by role and fields", async () => {
    const ids = ["m1", "m2", "m3", "m4"];
    await importUsers(fx.tim, "o", ...ids);
    const id = await create({
      Owner_Account: "o",
      MemberList: ids.map((Member_Account) => ({ Member_Account })),
    });
    const p = ok(await g("get_group_member_info", { GroupId: id, Limit: 2, Offset: 1 }));
    expect(p.MemberNum).toBe(5);
    expect(p.MemberList.map((m: Body) => m.Member_Account)).toEqual(["m1", "m2"]);
    expect(p.MemberList[0]).toMatchObject({
      Role: "Member",
      MsgFlag: "AcceptAndNotify",
      ShutUpUntil: 0,
      NameCard: "",
    });
    const owners = ok(
      await g("get_group_member_info", {
        GroupId: id,
        MemberRoleFilter: ["Owner"],
        MemberInfoFilter: ["Role"],
      }),
    );
    expect(owners.MemberList).toEqual([{ Member_Account: "o", Role: "Owner" }]);
    expect((await g("get_group_member_info", { GroupId: id, Limit: 6001 })).ErrorCode).toBe(10004);
  });

  it("get_group_member_info pages a Community with Next", async () => {
    await importUsers(fx.tim, "o", "a", "b");
    const id = await create({
      Type: "Community",
      Owner_Account: "o",
      MemberList: [{ Member_Account: "a" }, { Member_Account: "b" }],
    });
    const p1 = ok(await g("get_group_member_info", { GroupId: id, Limit: 2, Next: "" }));
    expect(p1.MemberList).toHaveLength(2);
    expect(p1.Next).not.toBe("");
    const p2 = ok(await g("get_group_member_info", { GroupId: id, Limit: 2, Next: p1.Next }));
    expect(p2.MemberList.map((m: Body) => m.Member_Account)).toEqual(["b"]);
    expect(p2.Next).toBe("");
  });

  it("change_group_owner: the new owner must be a member", async () => {
    await importUsers(fx.tim, "o", "a", "b");
    const id = await create({ Owner_Account: "o", MemberList: [{ Member_Account: "a" }] });
    expect((await g("change_group_owner", { GroupId: id, NewOwner_Account: "b" })).ErrorCode).toBe(
      10007,
    );
    expect(
      (await g("change_group_owner", { GroupId: id, NewOwner_Account: "ghost" })).ErrorCode,
    ).toBe(10019);
    ok(await g("change_group_owner", { GroupId: id, NewOwner_Account: "a" }));
    expect(await members(id)).toEqual(["a:Owner", "o:Member"]);
    expect(ok(await g("get_group_info", { GroupIdList: [id] })).GroupInfo[0].Owner_Account).toBe(
      "a",
    );
  });
});

describe("member mutes", () => {
  it("forbid_send_msg mutes (MuteTime or ShutUpTime) and get_group_muted_account lists them", async () => {
    await importUsers(fx.tim, "o", "a", "b");
    const id = await create({
      Owner_Account: "o",
      MemberList: [{ Member_Account: "a" }, { Member_Account: "b" }],
    });
    ok(await g("forbid_send_msg", { GroupId: id, Members_Account: ["a"], MuteTime: 60 }));
    ok(await g("forbid_send_msg", { GroupId: id, Members_Account: ["b"], ShutUpTime: 4294967295 }));
    const now = Math.floor(fx.emu.now() / 1000);
    const r = ok(await g("get_group_muted_account", { GroupId: id }));
    expect(r.MutedAccountList).toHaveLength(2);
    expect(r.MutedAccountList[0].Member_Account).toBe("a");
    expect(Math.abs(r.MutedAccountList[0].MutedUntil - (now + 60))).toBeLessThanOrEqual(1);
    expect(r.ShuttedUinList[1]).toEqual({ Member_Account: "b", ShuttedUntil: 4294967295 });
    fx.emu.setClock({ advanceMs: 61_000 });
    expect(
      ok(await g("get_group_muted_account", { GroupId: id })).MutedAccountList.map(
        (m: Body) => m.Member_Account,
      ),
    ).toEqual(["b"]);
    ok(await g("forbid_send_msg", { GroupId: id, Members_Account: ["b"], MuteTime: 0 }));
    expect(ok(await g("get_group_muted_account", { GroupId: id })).MutedAccountList).toEqual([]);
  });

  it("survives leave and rejoin; refused on Work groups; validates", async () => {
    await importUsers(fx.tim, "o", "a");
    const id = await create({ Owner_Account: "o", MemberList: [{ Member_Account: "a" }] });
    ok(await g("forbid_send_msg", { GroupId: id, Members_Account: ["a"], MuteTime: 600 }));
    ok(await g("delete_group_member", { GroupId: id, MemberToDel_Account: ["a"] }));
    ok(await g("add_group_member", { GroupId: id, MemberList: [{ Member_Account: "a" }] }));
    expect(ok(await g("get_group_muted_account", { GroupId: id })).MutedAccountList).toHaveLength(
      1,
    );
    const work = await create({
      Type: "Private",
      Owner_Account: "o",
      MemberList: [{ Member_Account: "a" }],
    });
    expect(
      (await g("forbid_send_msg", { GroupId: work, Members_Account: ["a"], MuteTime: 60 }))
        .ErrorCode,
    ).toBe(10007);
    expect((await g("forbid_send_msg", { GroupId: id, Members_Account: ["a"] })).ErrorCode).toBe(
      10004,
    );
    const many = Array.from({ length: 501 }, (_, i) => `u${i}`);
    expect(
      (await g("forbid_send_msg", { GroupId: id, Members_Account: many, MuteTime: 1 })).ErrorCode,
    ).toBe(10005);
  });
});

describe("group lists", () => {
  it("get_joined_group_list: TotalCount, paging, type filter, AVChatRoom only WithHugeGroups", async () => {
    await importUsers(fx.tim, "a");
    const g1 = await create({ Owner_Account: "a" });
    const g2 = await create({ Type: "ChatRoom", Owner_Account: "a" });
    const live = await create({ Type: "AVChatRoom", Owner_Account: "a" });
    await create({});
    const all = ok(await g("get_joined_group_list", { Member_Account: "a" }));
    expect(all.TotalCount).toBe(2);
    expect(all.GroupIdList.map((x: Body) => x.GroupId)).toEqual([g1, g2]);
    expect(all.GroupIdList[0].SelfInfo).toMatchObject({
      Role: "Owner",
      MsgFlag: "AcceptAndNotify",
    });
    const huge = ok(
      await g("get_joined_group_list", {
        Member_Account: "a",
        WithHugeGroups: 1,
        Limit: 1,
        Offset: 2,
      }),
    );
    expect(huge.TotalCount).toBe(3);
    expect(huge.GroupIdList.map((x: Body) => x.GroupId)).toEqual([live]);
    const typed = ok(
      await g("get_joined_group_list", {
        Member_Account: "a",
        GroupType: "ChatRoom",
        ResponseFilter: { GroupBaseInfoFilter: ["Type", "Name"] },
      }),
    );
    expect(typed.GroupIdList).toEqual([
      { GroupId: g2, Type: "ChatRoom", Name: "team", SelfInfo: expect.any(Object) },
    ]);
    expect((await g("get_joined_group_list", { Member_Account: "ghost" })).ErrorCode).toBe(10019);
  });

  it("get_appid_group_list pages with Next (0 = finished) and filters by GroupType", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await create({ Type: i === 4 ? "ChatRoom" : "Public" }));
    const p1 = ok(await g("get_appid_group_list", { Limit: 2 }));
    expect(p1.TotalCount).toBe(5);
    expect(p1.GroupIdList.map((x: Body) => x.GroupId)).toEqual(ids.slice(0, 2));
    expect(p1.Next).not.toBe(0);
    // Next is a uint64 past 2^53: read and sent back as exact digits, over raw JSON.
    const page = async (next: string) => {
      const r = await fx.tim.raw("group_open_http_svc/get_appid_group_list", {
        body: `{"Limit":2,"Next":${next}}`,
      });
      const digits = /"Next":(\d+)/.exec(r.text)?.[1] ?? "";
      return { body: ok(JSON.parse(r.text)), next: digits };
    };
    const first = await page("0");
    expect(BigInt(first.next)).toBeGreaterThan(2n ** 53n);
    const p2 = await page(first.next);
    const p3 = await page(p2.next);
    expect([...p2.body.GroupIdList, ...p3.body.GroupIdList].map((x: Body) => x.GroupId)).toEqual(
      ids.slice(2),
    );
    expect(p3.next).toBe("0");
    // Rounded through a double, the cursor points elsewhere: the page differs.
    const viaDouble = await page(BigInt(Number(first.next)).toString());
    expect(viaDouble.body.GroupIdList).not.toEqual(p2.body.GroupIdList);
    expect((await g("get_appid_group_list", { Next: 12345 })).ErrorCode).toBe(10004);
    const chat = ok(await g("get_appid_group_list", { GroupType: "ChatRoom" }));
    expect(chat).toMatchObject({ TotalCount: 1, GroupIdList: [{ GroupId: ids[4] }], Next: 0 });
    expect((await g("get_appid_group_list", { Limit: 10001 })).ErrorCode).toBe(10004);
  });
});

describe("get_role_in_group", () => {
  it("answers each account's role, NotMember outside the group, up to 500 accounts", async () => {
    await importUsers(fx.tim, "o", "a", "b", "out");
    const id = await create({
      Owner_Account: "o",
      MemberList: [{ Member_Account: "a", Role: "Admin" }, { Member_Account: "b" }],
    });
    const roles = ok(
      await g("get_role_in_group", { GroupId: id, User_Account: ["b", "out", "ghost", "o", "a"] }),
    ).UserIdList;
    expect(roles).toEqual([
      { Member_Account: "b", Role: "Member" },
      { Member_Account: "out", Role: "NotMember" },
      { Member_Account: "ghost", Role: "NotMember" },
      { Member_Account: "o", Role: "Owner" },
      { Member_Account: "a", Role: "Admin" },
    ]);
    const many = Array.from({ length: 501 }, (_, i) => `u${i}`);
    expect((await g("get_role_in_group", { GroupId: id, User_Account: many })).ErrorCode).not.toBe(
      0,
    );
    expect((await g("get_role_in_group", { GroupId: id })).ErrorCode).not.toBe(0);
    expect(
      (await g("get_role_in_group", { GroupId: "@TGS#nope", User_Account: ["o"] })).ErrorCode,
    ).toBe(10010);
    const live = await create({ Type: "AVChatRoom", Owner_Account: "o" });
    expect((await g("get_role_in_group", { GroupId: live, User_Account: ["o"] })).ErrorCode).toBe(
      10007,
    );
  });
});
