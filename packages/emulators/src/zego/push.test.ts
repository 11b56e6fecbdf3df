import { beforeEach, describe, expect, it } from "vitest";
import { controlRequest } from "../testing/control.js";
import { TEST_APP_ID, useZego } from "./test-support.js";

// SendMessageToAllUsers as ZIM's push to all users (docs/vendors/zego.md "Push
// notifications"): the offline push it records, read back through the control API.

const fx = useZego({ rateLimits: true });
beforeEach(() => {
  fx.emu.setRateLimits(true);
  fx.emu.setClock({ now: Date.UTC(2030, 0, 1, 0, 0, 0), frozen: true });
  fx.emu.seed({ users: [{ userId: "a" }, { userId: "b" }, { userId: "c" }] });
});

const toAll = (body: Record<string, unknown>) =>
  fx.zim.post("SendMessageToAllUsers", {
    FromUserId: "a",
    MessageType: 1,
    MessageBody: { Message: "sale today" },
    ...body,
  });
const offline = (push: Record<string, unknown>) => ({
  MessageBody: { Message: "sale today", OfflinePush: { Enable: 1, ...push } },
});

async function pushes(): Promise<Record<string, unknown>[]> {
  const state = await controlRequest(fx.emu.url, "GET", `state?app=${TEST_APP_ID}`);
  return state.body.pushes;
}

describe("SendMessageToAllUsers offline push", () => {
  it("records a push to every account, answering only Code, Message and RequestId", async () => {
    const res = await toAll({
      PushType: 1,
      ...offline({ Title: "Sale", Content: "50% off", Payload: '{"s":1}' }),
    });
    expect(Object.keys(res.body).sort()).toEqual(["Code", "Message", "RequestId"]);
    expect(res.body.Code).toBe(0);
    expect(await pushes()).toEqual([
      {
        taskId: null,
        from: "a",
        pushType: 1,
        title: "Sale",
        content: "50% off",
        payload: '{"s":1}',
        recipients: ["a", "b", "c"],
        time: Date.UTC(2030, 0, 1),
      },
    ]);
  });

  it("pushes nothing with PushType 0 or without OfflinePush.Enable 1", async () => {
    expect((await toAll({ ...offline({ Content: "x" }) })).body.Code).toBe(0);
    fx.emu.setClock({ advanceMs: 1_000 });
    expect((await toAll({ PushType: 1 })).body.Code).toBe(0);
    fx.emu.setClock({ advanceMs: 1_000 });
    const off = { MessageBody: { Message: "m", OfflinePush: { Enable: 0, Content: "x" } } };
    expect((await toAll({ PushType: 2, ...off })).body.Code).toBe(0);
    expect(await pushes()).toEqual([]);
  });

  it("PushType 2 pushes offline only: no online broadcast", async () => {
    expect((await toAll({ PushType: 2, ...offline({ Content: "x" }) })).body.Code).toBe(0);
    const state = await controlRequest(fx.emu.url, "GET", `state?app=${TEST_APP_ID}`);
    expect(state.body.signals).toEqual([]);
    expect(state.body.pushes).toHaveLength(1);
  });

  it("checks OfflinePush field types and PushType (660000002)", async () => {
    const bad = [
      { PushType: 3, ...offline({}) },
      { PushType: 1, ...offline({ Enable: 2 }) },
      { PushType: 1, ...offline({ Title: 5 }) },
      { PushType: 1, ...offline({ Payload: {} }) },
      { PushType: 1, ...offline({ BadgeIncrement: -1 }) },
      { PushType: 1, MessageBody: { Message: "m", OfflinePush: "yes" } },
    ];
    for (const body of bad) {
      fx.emu.setClock({ advanceMs: 1_000 });
      expect((await toAll(body)).body.Code, JSON.stringify(body)).toBe(660000002);
    }
    expect(await pushes()).toEqual([]);
  });

  it("refuses a second push within a second and the 101st of a day (660500003), recording none", async () => {
    expect((await toAll({ PushType: 1, ...offline({ Content: "1" }) })).body.Code).toBe(0);
    expect((await toAll({ PushType: 1, ...offline({ Content: "2" }) })).body.Code).toBe(660500003);
    for (let i = 0; i < 99; i++) {
      fx.emu.setClock({ advanceMs: 1_000 });
      await toAll({ PushType: 1, ...offline({ Content: "n" }) });
    }
    fx.emu.setClock({ advanceMs: 1_000 });
    expect((await toAll({ PushType: 1, ...offline({ Content: "x" }) })).body.Code).toBe(660500003);
    expect(await pushes()).toHaveLength(100);
  });

  it("refuses an unregistered sender (660500002)", async () => {
    const res = await toAll({ FromUserId: "ghost", PushType: 1, ...offline({ Content: "x" }) });
    expect(res.body.Code).toBe(660500002);
  });
});
