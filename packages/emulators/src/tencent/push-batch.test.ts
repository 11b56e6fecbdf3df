import { describe, expect, it } from "vitest";
import { type Body, demoState, importUsers, ok, SDK_APP_ID, useTencent } from "./test-support.js";

const fx = useTencent();
const pushes = async () => demoState(fx.emu).pushes as Body[];
const info = { PushFlag: 0, Title: "Hi", Desc: "You have mail" };
const batch = (body: Body) =>
  fx.tim.call("timpush/batch", {
    From_Account: "administrator",
    MsgRandom: 7,
    OfflinePushInfo: info,
    ...body,
  });

describe("push to listed accounts (timpush/batch)", () => {
  it("pushes to the listed accounts, answering a batch_ TaskId and 70107 for unknown ones", async () => {
    await importUsers(fx.tim, "a", "b");
    const r = ok(await batch({ To_Account: ["a", "b", "ghost"] }));
    expect(r.TaskId).toMatch(/^batch_[0-9a-f]+_[0-9a-f]+$/);
    expect(r.ErrorList).toEqual([
      { To_Account: "ghost", ErrorCode: 70107, ErrorInfo: "account not found" },
    ]);
    expect((await pushes())[0]).toMatchObject({
      taskId: r.TaskId,
      kind: "batch",
      from: "administrator",
      title: "Hi",
      desc: "You have mail",
      recipients: ["a", "b"],
    });
  });

  it("deduplicates MsgRandom within the same second only", async () => {
    await importUsers(fx.tim, "a");
    const first = ok(await batch({ To_Account: ["a"] }));
    expect(ok(await batch({ To_Account: ["a"] })).TaskId).toBe(first.TaskId);
    fx.emu.setClock({ advanceMs: 1_500 });
    expect(ok(await batch({ To_Account: ["a"] })).TaskId).not.toBe(first.TaskId);
    expect(await pushes()).toHaveLength(2);
  });

  it("checks its fields: 1-500 accounts, MsgRandom, OfflinePushInfo, DataId ≤ 64 bytes", async () => {
    await importUsers(fx.tim, "a");
    const many = Array.from({ length: 501 }, (_, i) => `u${i}`);
    expect((await batch({ To_Account: many })).ErrorCode).toBe(90018);
    expect((await batch({ To_Account: [] })).ErrorCode).toBe(90001);
    expect((await batch({ To_Account: ["a"], MsgRandom: "x" })).ErrorCode).toBe(90001);
    expect((await batch({ To_Account: ["a"], OfflinePushInfo: undefined })).ErrorCode).toBe(90001);
    expect((await batch({ To_Account: ["a"], DataId: "d".repeat(65) })).ErrorCode).toBe(90057);
    expect((await batch({ To_Account: ["a"], From_Account: undefined })).ErrorCode).toBe(90001);
  });
});

describe("push statistics (timpush/all_member_push_statistics)", () => {
  it("reports the listed all-member and tag tasks pushed within the window; batch and unknown ones are left out", async () => {
    await importUsers(fx.tim, "a", "b");
    fx.emu.login({ app: SDK_APP_ID, userId: "a" });
    const all = ok(await fx.tim.call("timpush/push", { MsgRandom: 1, OfflinePushInfo: info }));
    const one = ok(await batch({ To_Account: ["b"] }));
    const now = Math.floor(fx.emu.now() / 1000);
    const stats = (TaskID: string[], StartTime = now - 60, EndTime = now + 60) =>
      fx.tim.call("timpush/all_member_push_statistics", { StartTime, EndTime, TaskID });
    const r = ok(await stats([all.TaskId, one.TaskId, "unknown"]));
    // Statistics are documented for all-member and tag pushes: the batch task is not there.
    expect(r.Results).toEqual([
      expect.objectContaining({ TaskID: all.TaskId, TotalCount: 2, SentCount: 2 }),
    ]);
    expect(one.TaskId).toMatch(/^batch_/);
    expect(r.Results[0]).toMatchObject({ DeliveredCount: 1, ClickCount: 0 });
    expect(ok(await stats([all.TaskId], now + 10, now + 20)).Results).toEqual([]);
    expect((await stats([all.TaskId], now - 31 * 86_400, now)).ErrorCode).toBe(90001);
    expect((await stats(["1", "2", "3", "4", "5", "6"])).ErrorCode).toBe(90018);
  });
});
