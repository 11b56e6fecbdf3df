import { describe, expect, it } from "vitest";
import { type Body, importUsers, ok, SDK_APP_ID, text, useTencent } from "./test-support.js";

const fx = useTencent();
const pushes = async () => ((await fx.emu.state(String(SDK_APP_ID))) as Body).pushes as Body[];

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

  it("keeps the Condition (reaching nobody: no tags or attributes here) and validates it", async () => {
    await importUsers(fx.tim, "a");
    ok(
      await fx.tim.call("timpush/push", {
        MsgRandom: 1,
        MsgBody: text("x"),
        Condition: { TagsOr: ["vip"] },
      }),
    );
    expect((await pushes())[0]).toMatchObject({ recipients: [], condition: { TagsOr: ["vip"] } });
    const both = {
      MsgRandom: 2,
      MsgBody: text("x"),
      Condition: { TagsOr: ["a"], AttrsAnd: { k: "v" } },
    };
    expect((await fx.tim.call("timpush/push", both)).ErrorCode).toBe(90001);
  });

  it("validates MsgRandom, MsgBody, MsgLifeTime and From_Account", async () => {
    const c = async (b: Record<string, unknown>) =>
      (await fx.tim.call("timpush/push", { MsgRandom: 1, MsgBody: text("x"), ...b })).ErrorCode;
    expect(await c({ MsgRandom: undefined })).toBe(90005);
    expect(await c({ MsgBody: undefined })).toBe(90007);
    expect(await c({ MsgLifeTime: 604801 })).toBe(90044);
    expect(await c({ From_Account: "ghost" })).toBe(90008);
  });
});
