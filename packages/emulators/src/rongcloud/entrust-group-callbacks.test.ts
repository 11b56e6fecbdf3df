import { verifyRongCloudCallback } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { useCallbackSink } from "../testing/callback-sink.js";
import { type Form, ok } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

// The hosted-group callbacks (#17 §3): profile changes and operations, each a signed JSON
// `{profiles: [...]}`; an import calls back nothing.

const sink = useCallbackSink();
const fx = useRongCloud(() => ({
  callbackRetry: { backoffMs: 10 },
  apps: [{ ...APP, features: { groupHosting: true }, callbackUrls: { group: sink.url } }],
}));

const post = (path: string, form: Form) => fx.rc.post(path, { groupId: "g", ...form });
async function received() {
  await fx.emu.flushCallbacks();
  return sink.received.map((c) => {
    expect(c.headers["content-type"]).toBe("application/json");
    expect(verifyRongCloudCallback(c.query, APP.appSecret).ok).toBe(true);
    return JSON.parse(c.body).profiles;
  });
}

describe("hosted group callbacks", () => {
  it("reports create, join, kick, quit, admins, transfer and dismiss by eventType", async () => {
    ok(await post("/entrust/group/create.json", { name: "G", owner: "o", userIds: "a,b,c,d" }));
    ok(await post("/entrust/group/join.json", { userIds: "e" }));
    ok(await post("/entrust/group/member/kick.json", { userIds: "e" }));
    ok(await post("/entrust/group/quit.json", { userIds: "d" }));
    ok(await post("/entrust/group/manager/add.json", { userIds: "a,b" }));
    ok(await post("/entrust/group/manager/remove.json", { userIds: "b" }));
    ok(await post("/entrust/group/transfer/owner.json", { newOwner: "a" }));
    ok(await post("/entrust/group/dismiss.json", {}));
    const events = (await received()).map(([e]) => [e.eventType, e.userIds]);
    expect(events).toEqual([
      [1, ["o", "a", "b", "c", "d"]],
      [2, ["e"]],
      [3, ["e"]],
      [4, ["d"]],
      [6, ["a", "b"]],
      [7, ["b"]],
      [8, ["a"]],
      [5, []],
    ]);
    const [[first]] = await received();
    expect(first).toMatchObject({ groupId: "g", optUserId: "o", time: expect.any(Number) });
  });

  it("reports a profile update with the parts it carried, as objects", async () => {
    ok(await post("/entrust/group/create.json", { name: "G", owner: "o" }));
    await fx.emu.flushCallbacks();
    sink.received.length = 0;
    ok(
      await post("/entrust/group/profile/update.json", {
        groupProfile: JSON.stringify({ name: "New", announcement: "hi" }),
        groupExtProfile: JSON.stringify({ ext_topic: "x" }),
      }),
    );
    ok(await post("/entrust/group/profile/update.json", { permissions: '{"joinPerm":1}' }));
    const [[named], [perms]] = await received();
    expect(named).toEqual({
      groupId: "g",
      groupName: "New",
      time: expect.any(Number),
      optUserId: "o",
      groupProfile: { name: "New", announcement: "hi" },
      groupExtProfile: { ext_topic: "x" },
    });
    expect(perms).toMatchObject({ permissions: { joinPerm: 1 } });
    expect(perms).not.toHaveProperty("groupName");
  });

  it("calls back nothing for an import or a member profile", async () => {
    ok(
      await fx.rc.post("/group/create.json", { userId: ["o", "a"], groupId: "g", groupName: "G" }),
    );
    ok(await post("/entrust/group/import.json", { name: "G", owner: "o" }));
    ok(await post("/entrust/group/member/set.json", { userId: "a", nickname: "A" }));
    expect(await received()).toEqual([]);
  });
});
