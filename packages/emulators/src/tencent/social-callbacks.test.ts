import { describe, expect, it } from "vitest";
import { useTencentCallbacks } from "../testing/tencent-callbacks.js";
import { importUsers, ok } from "./test-support.js";

const fx = useTencentCallbacks();

const SOURCE = "AddSource_Type_Server";

describe("relationship-chain and profile callbacks", () => {
  it("friend_add: one Sns.CallbackFriendAdd with a pair per row created", async () => {
    await importUsers(fx.tim, "a", "b", "c");
    ok(
      await fx.tim.call("sns/friend_add", {
        From_Account: "a",
        AddFriendItem: [
          { To_Account: "b", AddSource: SOURCE },
          { To_Account: "ghost", AddSource: SOURCE },
        ],
        ForceAddFlags: 1,
      }),
    );
    const [cb, ...rest] = await fx.received();
    expect(rest).toEqual([]);
    expect(cb?.command).toBe("Sns.CallbackFriendAdd");
    expect(cb?.body).toMatchObject({
      PairList: [
        { From_Account: "a", To_Account: "b", Initiator_Account: "a" },
        { From_Account: "b", To_Account: "a", Initiator_Account: "a" },
      ],
      ClientCmd: "friend_add",
      Admin_Account: "administrator",
      ForceFlag: 1,
    });
  });

  it("friend_import calls back nothing; friend_delete sends Sns.CallbackFriendDelete", async () => {
    await importUsers(fx.tim, "a", "b");
    ok(
      await fx.tim.call("sns/friend_import", {
        From_Account: "a",
        AddFriendItem: [{ To_Account: "b", AddSource: SOURCE }],
      }),
    );
    ok(
      await fx.tim.call("sns/friend_delete", {
        From_Account: "a",
        To_Account: ["b"],
        DeleteType: "Delete_Type_Both",
      }),
    );
    const cbs = await fx.received();
    expect(cbs.map((c) => c.command)).toEqual(["Sns.CallbackFriendDelete"]);
    expect(cbs[0]?.body.PairList).toEqual([{ From_Account: "a", To_Account: "b" }]);
  });

  it("blocklist add and delete; no callback for an item that failed", async () => {
    await importUsers(fx.tim, "a", "b");
    ok(await fx.tim.call("sns/black_list_add", { From_Account: "a", To_Account: ["b", "ghost"] }));
    ok(await fx.tim.call("sns/black_list_delete", { From_Account: "a", To_Account: ["b"] }));
    ok(await fx.tim.call("sns/black_list_delete", { From_Account: "a", To_Account: ["b"] }));
    const cbs = await fx.received();
    expect(cbs.map((c) => [c.command, c.body.PairList])).toEqual([
      ["Sns.CallbackBlackListAdd", [{ From_Account: "a", To_Account: "b" }]],
      ["Sns.CallbackBlackListDelete", [{ From_Account: "a", To_Account: "b" }]],
    ]);
  });

  it("portrait_set sends Profile.CallbackPortraitSet with the items set", async () => {
    await importUsers(fx.tim, "a");
    const ProfileItem = [{ Tag: "Tag_Profile_IM_Nick", Value: "Ann" }];
    ok(await fx.tim.call("profile/portrait_set", { From_Account: "a", ProfileItem }));
    const [cb] = await fx.received();
    expect(cb).toMatchObject({
      command: "Profile.CallbackPortraitSet",
      body: { Operator_Account: "administrator", From_Account: "a", ProfileItem },
    });
  });
});
