import { describe, expect, it } from "vitest";
import { type Body, demoState, importUsers, ok, text, useTencent } from "./test-support.js";

const fx = useTencent();
const pushes = async () => demoState(fx.emu).pushes as Body[];
const notification = { PushFlag: 0, Title: "Sale", Desc: "50% off", Ext: '{"s":1}' };
const push = (body: Body) => fx.tim.call("timpush/push", { MsgRandom: 1, ...body });
const tag = (To_Account: string, Tags: string[]) =>
  fx.tim.call("all_member_push/im_add_tag", { UserTags: [{ To_Account, Tags }] });
const recipients = async () => ((await pushes()).at(-1) as Body).recipients as string[];

describe("all-member push (im_push, timpush/push)", () => {
  it("creates a task for every account but the sender and answers a TaskId", async () => {
    await importUsers(fx.tim, "a", "b");
    const r = ok(
      await fx.tim.call("all_member_push/im_push", { MsgRandom: 1, MsgBody: text("news") }),
    );
    expect(r.TaskId).toMatch(/^[0-9a-f]{32}$/);
    const [task] = await pushes();
    expect(task).toMatchObject({ taskId: r.TaskId, from: "administrator", recipients: ["a", "b"] });
  });

  it("pushes a notification alone (OfflinePushInfo, no MsgBody) on timpush/push", async () => {
    await importUsers(fx.tim, "a");
    const r = ok(await push({ OfflinePushInfo: notification }));
    expect((await pushes())[0]).toMatchObject({
      taskId: r.TaskId,
      kind: "push",
      title: "Sale",
      desc: "50% off",
      ext: '{"s":1}',
      recipients: ["a"],
    });
    expect((await push({ MsgRandom: 2 })).ErrorCode).toBe(90001);
    const old = await fx.tim.call("all_member_push/im_push", {
      MsgRandom: 3,
      OfflinePushInfo: notification,
    });
    expect(old.ErrorCode).toBe(90007);
  });

  it("deduplicates the same MsgRandom for 7 days", async () => {
    const first = ok(await fx.tim.call("timpush/push", { MsgRandom: 5, MsgBody: text("x") }));
    fx.emu.setClock({ advanceMs: 2_000 });
    const again = ok(
      await fx.tim.call("all_member_push/im_push", { MsgRandom: 5, MsgBody: text("x") }),
    );
    expect(again.TaskId).toBe(first.TaskId);
    expect(await pushes()).toHaveLength(1);
    fx.emu.setClock({ advanceMs: 7 * 86_400_000 });
    const later = ok(await fx.tim.call("timpush/push", { MsgRandom: 5, MsgBody: text("x") }));
    expect(later.TaskId).not.toBe(first.TaskId);
  });

  it("reaches the holders of tags: TagsAnd all, TagsOr any, TagsNot excluded", async () => {
    await importUsers(fx.tim, "a", "b", "c");
    ok(await tag("a", ["gold"]));
    ok(await tag("b", ["gold", "weekly"]));
    ok(await tag("c", ["weekly"]));
    const by = async (Condition: Body, MsgRandom: number) => {
      ok(await push({ MsgRandom, Condition, OfflinePushInfo: notification }));
      return (await recipients()).sort();
    };
    expect(await by({ TagsOr: ["gold"] }, 1)).toEqual(["a", "b"]);
    expect(await by({ TagsAnd: ["gold", "weekly"] }, 2)).toEqual(["b"]);
    expect(await by({ TagsOr: ["gold", "weekly"], TagsNot: ["weekly"] }, 3)).toEqual(["a"]);
    expect(await by({ TagsOr: ["none"] }, 4)).toEqual([]);
  });

  it("reaches the accounts whose attributes match: AttrsAnd all, AttrsOr any", async () => {
    await importUsers(fx.tim, "a", "b", "c");
    fx.emu.seed({ pushAttributeNames: ["city", "tier"] });
    ok(
      await fx.tim.call("timpush/set_attr", {
        UserAttrs: [
          { To_Account: "a", Attrs: { city: "sz" } },
          { To_Account: "b", Attrs: { city: "sz", tier: "gold" } },
          { To_Account: "c", Attrs: { city: "bj", tier: "gold" } },
        ],
      }),
    );
    const by = async (Condition: Body, MsgRandom: number) => {
      ok(await push({ MsgRandom, Condition, OfflinePushInfo: notification }));
      return (await recipients()).sort();
    };
    expect(await by({ AttrsAnd: { city: "sz" } }, 1)).toEqual(["a", "b"]);
    expect(await by({ AttrsAnd: { city: "sz", tier: "gold" } }, 2)).toEqual(["b"]);
    expect(await by({ AttrsOr: { city: "bj", tier: "gold" } }, 3)).toEqual(["b", "c"]);
    const unnamed = { MsgRandom: 4, Condition: { AttrsAnd: { age: "1" } } };
    expect((await push({ ...unnamed, OfflinePushInfo: notification })).ErrorCode).toBe(90033);
  });

  it("checks the Condition with the push error table's codes", async () => {
    const c = async (Condition: Body) =>
      (await push({ Condition, OfflinePushInfo: notification })).ErrorCode;
    expect(await c({ TagsOr: ["a"], AttrsAnd: { k: "v" } })).toBe(90039);
    expect(await c({ TagsAnd: Array.from({ length: 11 }, (_, i) => `t${i}`) })).toBe(90032);
    expect(await c({ TagsOr: [""] })).toBe(90040);
    expect(await c({ TagsOr: ["x".repeat(51)] })).toBe(90020);
    expect(await c({ TagsOr: ["a"], TagsAnd: ["a", "b"] })).toBe(90022);
  });

  it("validates MsgRandom, MsgBody, MsgLifeTime, From_Account and the 10K body", async () => {
    const c = async (b: Body) =>
      (await fx.tim.call("timpush/push", { MsgRandom: 1, MsgBody: text("x"), ...b })).ErrorCode;
    expect(await c({ MsgRandom: undefined })).toBe(90005);
    expect(await c({ MsgBody: "x" })).toBe(90007);
    expect(await c({ MsgLifeTime: 604801 })).toBe(90026);
    expect(await c({ From_Account: "ghost" })).toBe(90008);
    expect(await c({ OfflinePushInfo: { Desc: "x".repeat(10 * 1024) } })).toBe(90056);
  });
});

describe("push switched off for the app", () => {
  const off = useTencent({}, { push: false });
  it("answers 90045 to push, batch and statistics", async () => {
    await importUsers(off.tim, "a");
    const info = { OfflinePushInfo: { Desc: "x" } };
    expect((await off.tim.call("timpush/push", { MsgRandom: 1, ...info })).ErrorCode).toBe(90045);
    const batch = { From_Account: "administrator", To_Account: ["a"], MsgRandom: 1, ...info };
    expect((await off.tim.call("timpush/batch", batch)).ErrorCode).toBe(90045);
    const stats = { StartTime: 0, EndTime: 1, TaskID: ["x"] };
    expect((await off.tim.call("timpush/all_member_push_statistics", stats)).ErrorCode).toBe(90045);
  });
});
