import { describe, expect, it } from "vitest";
import { type Body, createGroup, importUsers, ok, useTencent } from "./test-support.js";

const fx = useTencent();
const call = (cmd: string, body: Body) => fx.tim.call(`group_open_http_svc/${cmd}`, body);

describe("group profile and member profile reads (#17 §2.1, §2.4)", () => {
  it("get_group_info answers what modify_group_base_info set, mute-all included", async () => {
    const id = await createGroup(fx.tim);
    const profile = {
      FaceUrl: "https://x/g.png",
      Introduction: "about",
      Notification: "news",
      ApplyJoinOption: "DisableApply",
      MaxMemberNum: 200,
      MuteAllMember: "On",
    };
    ok(await call("modify_group_base_info", { GroupId: id, ...profile }));
    const info = ok(await call("get_group_info", { GroupIdList: [id] })).GroupInfo[0];
    expect(info).toMatchObject(profile);
  });

  it("refuses over-long texts and Community's ApplyJoinOption (10004)", async () => {
    const id = await createGroup(fx.tim);
    const code = async (body: Body) =>
      (await call("modify_group_base_info", { GroupId: id, ...body })).ErrorCode;
    expect(await code({ FaceUrl: "x".repeat(101) })).toBe(10004);
    expect(await code({ Introduction: "x".repeat(241) })).toBe(10004);
    expect(await code({ Notification: "x".repeat(301) })).toBe(10004);
    const community = await createGroup(fx.tim, { Type: "Community", GroupId: "@TGS#_p1" });
    expect(await code({ GroupId: community, ApplyJoinOption: "FreeAccess" })).toBe(10004);
  });

  it("get_group_member_info answers the custom member fields AppDefinedDataFilter_GroupMember names", async () => {
    await importUsers(fx.tim, "o", "m");
    const id = await createGroup(fx.tim, {
      Owner_Account: "o",
      MemberList: [{ Member_Account: "m" }],
    });
    ok(
      await call("modify_group_member_info", {
        GroupId: id,
        Member_Account: "m",
        NameCard: "Cap",
        AppMemberDefinedData: [
          { Key: "rank", Value: "1" },
          { Key: "team", Value: "red" },
        ],
      }),
    );
    const r = ok(
      await call("get_group_member_info", {
        GroupId: id,
        MemberInfoFilter: ["NameCard"],
        AppDefinedDataFilter_GroupMember: ["rank"],
      }),
    );
    expect(r.MemberList.find((m: Body) => m.Member_Account === "m")).toEqual({
      Member_Account: "m",
      NameCard: "Cap",
      AppMemberDefinedData: [{ Key: "rank", Value: "1" }],
    });
  });
});
