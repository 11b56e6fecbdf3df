import { describe, expect, it } from "vitest";
import { useTencentCallbacks } from "../testing/tencent-callbacks.js";
import { ADMIN, type Body, createGroup, importUsers, ok } from "./test-support.js";

const fx = useTencentCallbacks({ callbackToken: "t" });
const call = (cmd: string, body: Body) => fx.tim.call(`group_open_http_svc/${cmd}`, body);
/** The bodies of the callbacks of `command` since the test began. */
const after = fx.bodiesOf;

describe("#17 group callbacks (§5)", () => {
  it("GroupInfoChanged fires for name, introduction, notification and face URL only, with only those", async () => {
    const id = await createGroup(fx.tim);
    ok(await call("modify_group_base_info", { GroupId: id, MuteAllMember: "On" }));
    ok(await call("modify_group_base_info", { GroupId: id, ApplyJoinOption: "DisableApply" }));
    ok(await call("modify_group_base_info", { GroupId: id, MaxMemberNum: 100 }));
    ok(
      await call("modify_group_base_info", {
        GroupId: id,
        FaceUrl: "https://x/y.png",
        MaxMemberNum: 50,
        MuteAllMember: "Off",
      }),
    );
    const got = await after("Group.CallbackAfterGroupInfoChanged");
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      GroupId: id,
      Operator_Account: ADMIN,
      FaceUrl: "https://x/y.png",
    });
    expect(got[0]).not.toHaveProperty("MaxMemberNum");
    expect(got[0]).not.toHaveProperty("MuteAllMember");
  });

  it("MemberFieldChanged fires for a role or name card change, not for a message flag", async () => {
    await importUsers(fx.tim, "o", "m");
    const id = await createGroup(fx.tim, {
      Owner_Account: "o",
      MemberList: [{ Member_Account: "m" }],
    });
    const modify = (body: Body) =>
      call("modify_group_member_info", { GroupId: id, Member_Account: "m", ...body });
    ok(await modify({ Role: "Admin" }));
    ok(await modify({ NameCard: "Cap" }));
    ok(await modify({ MsgFlag: "Discard" }));
    const got = await after("Group.CallbackAfterMemberFieldChanged");
    expect(got).toHaveLength(2);
    expect(got[0]).toMatchObject({
      GroupId: id,
      Type: "Public",
      Operator_Account: ADMIN,
      Member_Account: "m",
      Role: "Admin",
    });
    expect(got[0]).not.toHaveProperty("NameCard");
    expect(got[1]).toMatchObject({ Member_Account: "m", NameCard: "Cap" });
    expect(got[1]).not.toHaveProperty("Role");
  });

  it("GroupAttrChanged carries the OptionType and the attributes written", async () => {
    const id = await createGroup(fx.tim);
    const attr = [{ key: "a", value: "1" }];
    ok(await call("modify_group_attr", { GroupId: id, GroupAttr: attr }));
    ok(await call("set_group_attr", { GroupId: id, GroupAttr: [{ key: "b", value: "2" }] }));
    ok(await call("delete_group_attr", { GroupId: id, GroupAttr: [{ key: "b" }] }));
    ok(await call("clear_group_attr", { GroupId: id }));
    const got = await after("Group.CallbackAfterGroupAttrChanged");
    expect(got.map((b) => [b.OptionType, b.GroupAttr])).toEqual([
      ["modify", attr],
      ["set", [{ key: "b", value: "2" }]],
      ["delete", [{ key: "b" }]],
      ["clear", []],
    ]);
    expect(got[0]).toMatchObject({ GroupId: id, Type: "Public", Operator_Account: ADMIN });
  });

  it("imports and counters call back nothing", async () => {
    await importUsers(fx.tim, "o");
    ok(
      await call("import_group", { Type: "Public", GroupId: "cbi", Name: "x", Owner_Account: "o" }),
    );
    ok(
      await call("update_group_counter", {
        GroupId: "cbi",
        GroupCounter: [{ Key: "k", Value: 1 }],
      }),
    );
    expect(await fx.received()).toEqual([]);
  });
});
