import { describe, expect, it } from "vitest";
import {
  type Body,
  createGroup,
  createGroupOf,
  importUsers,
  ok,
  useTencent,
} from "./test-support.js";

const fx = useTencent();
const modify = (body: Body) => fx.tim.call("group_open_http_svc/modify_group_member_info", body);
const group = (Type = "Public") => createGroupOf(fx.tim, "o", ["me"], { Type });
async function member(id: string, account: string): Promise<Body> {
  const r = ok(await fx.tim.call("group_open_http_svc/get_group_member_info", { GroupId: id }));
  return r.MemberList.find((m: Body) => m.Member_Account === account);
}

describe("group_open_http_svc/modify_group_member_info", () => {
  it("sets MsgFlag, read back by get_group_member_info and get_joined_group_list", async () => {
    const id = await group();
    ok(await modify({ GroupId: id, Member_Account: "me", MsgFlag: "AcceptNotNotify" }));
    expect((await member(id, "me")).MsgFlag).toBe("AcceptNotNotify");
    expect((await member(id, "o")).MsgFlag).toBe("AcceptAndNotify");
    const joined = ok(
      await fx.tim.call("group_open_http_svc/get_joined_group_list", {
        Member_Account: "me",
        ResponseFilter: { SelfInfoFilter: ["MsgFlag"] },
      }),
    );
    expect(joined.GroupIdList).toEqual([{ GroupId: id, SelfInfo: { MsgFlag: "AcceptNotNotify" } }]);
    ok(await modify({ GroupId: id, Member_Account: "me", MsgFlag: "Discard" }));
    expect((await member(id, "me")).MsgFlag).toBe("Discard");
    ok(await modify({ GroupId: id, Member_Account: "me", MsgFlag: "AcceptAndNotify" }));
    expect((await member(id, "me")).MsgFlag).toBe("AcceptAndNotify");
  });

  it("sets the name card, role, mute and custom member data", async () => {
    const id = await group();
    ok(
      await modify({
        GroupId: id,
        Member_Account: "me",
        NameCard: "Me",
        Role: "Admin",
        MuteTime: 60,
        AppMemberDefinedData: [{ Key: "k", Value: "v" }],
      }),
    );
    const m = await member(id, "me");
    expect(m).toMatchObject({
      NameCard: "Me",
      Role: "Admin",
      AppMemberDefinedData: [{ Key: "k", Value: "v" }],
    });
    expect(m.MuteUntil).toBeGreaterThan(Math.floor(fx.emu.now() / 1000));
    ok(await modify({ GroupId: id, Member_Account: "me", MuteTime: 0 }));
    expect((await member(id, "me")).MuteUntil).toBe(0);
  });

  it("refuses bad values (10004), non-members and live groups (10007), unknown accounts (10019)", async () => {
    const id = await group();
    await importUsers(fx.tim, "out");
    const code = async (body: Body) =>
      (await modify({ GroupId: id, Member_Account: "me", ...body })).ErrorCode;
    expect(await code({ MsgFlag: "Mute" })).toBe(10004);
    expect(await code({ NameCard: "x".repeat(51) })).toBe(10004);
    expect(await code({ Role: "Owner" })).toBe(10004);
    expect(await code({ Member_Account: "o", Role: "Member" })).toBe(10004);
    expect(await code({ Member_Account: "out", MsgFlag: "Discard" })).toBe(10007);
    expect(await code({ Member_Account: "ghost", MsgFlag: "Discard" })).toBe(10019);
    expect(await code({ GroupId: "nope", MsgFlag: "Discard" })).toBe(10010);
    const work = await group("Private");
    expect(await code({ GroupId: work, Role: "Admin" })).toBe(10004);
    expect(await code({ GroupId: work, MuteTime: 60 })).toBe(10007);
    const live = await createGroup(fx.tim, { Type: "AVChatRoom" });
    expect(await code({ GroupId: live, MsgFlag: "Discard" })).toBe(10007);
  });
});
