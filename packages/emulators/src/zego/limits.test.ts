import { beforeEach, describe, expect, it } from "vitest";
import { useZego } from "./test-support.js";

const fx = useZego({ rateLimits: true });
beforeEach(() => {
  fx.emu.setRateLimits(true);
  // Pin the clock near the start of a UTC day so bursts stay in one window.
  fx.emu.setClock({ now: Date.UTC(2030, 0, 1, 0, 0, 0), frozen: true });
  fx.emu.seed({
    users: [{ userId: "a" }, { userId: "b" }],
    groups: [
      { groupId: "g1", owner: "a" },
      { groupId: "g2", owner: "a" },
    ],
  });
});

async function burst(
  n: number,
  call: () => Promise<{ body: { Code: number } }>,
): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < n; i++) codes.push((await call()).body.Code);
  return codes;
}

describe("rate limits (zego.md §1.10)", () => {
  it("20/s at app level with the Action's own code, and resets next second", async () => {
    const codes = await burst(21, () =>
      fx.zim.post("UserRegister", { UserInfo: [{ UserId: `u${Math.random()}`.slice(0, 20) }] }),
    );
    expect(codes.slice(0, 20).every((c) => c === 0)).toBe(true);
    expect(codes[20]).toBe(660700001);
    const q = await burst(21, () => fx.zim.post("QueryUserInfos", { UserIds: ["a"] }));
    expect(q[20]).toBe(660300005);
    fx.emu.setClock({ advanceMs: 1_000 });
    expect((await fx.zim.post("QueryUserInfos", { UserIds: ["a"] })).body.Code).toBe(0);
  });

  it("10/s for group messages", async () => {
    const body = {
      FromUserId: "a",
      GroupId: "g1",
      MessageType: 1,
      Priority: 1,
      MessageBody: { Message: "x" },
    };
    const codes = await burst(11, () => fx.zim.post("SendGroupMessage", body));
    expect(codes.filter((c) => c === 0)).toHaveLength(10);
    expect(codes[10]).toBe(660300005);
  });

  it("1/s per group for InviteUsersIntoGroup (660300006), other groups unaffected", async () => {
    const invite = (GroupId: string) =>
      fx.zim.post("InviteUsersIntoGroup", { FromUserId: "a", GroupId, UserIds: ["b"] });
    expect((await invite("g1")).body.Code).toBe(0);
    expect((await invite("g1")).body.Code).toBe(660300006);
    expect((await invite("g2")).body.Code).toBe(0);
  });

  it("SendMessageToAllUsers: 1/s and 100 per day (660500003)", async () => {
    const all = () =>
      fx.zim.post("SendMessageToAllUsers", {
        FromUserId: "a",
        MessageType: 1,
        MessageBody: { Message: "x" },
      });
    expect((await all()).body.Code).toBe(0);
    expect((await all()).body.Code).toBe(660500003);
    for (let i = 0; i < 99; i++) {
      fx.emu.setClock({ advanceMs: 1_000 });
      await all();
    }
    fx.emu.setClock({ advanceMs: 1_000 });
    expect((await all()).body.Code).toBe(660500003); // 100 today
    fx.emu.setClock({ advanceMs: 86_400_000 });
    expect((await all()).body.Code).toBe(0);
  });

  it("QueryAppGroupList 1/s (660600007) and RTC app QPS (206) / room QPS (207)", async () => {
    expect((await fx.zim.get("QueryAppGroupList", {})).body.Code).toBe(0);
    expect((await fx.zim.get("QueryAppGroupList", {})).body.Code).toBe(660600007);
    expect((await fx.zim.get("CloseRoom", { RoomId: "x" })).body.Code).toBe(5024);
    expect((await fx.zim.get("CloseRoom", { RoomId: "x" })).body.Code).toBe(206);
    expect((await fx.zim.get("DescribeUserList", { RoomId: "r" })).body.Code).toBe(0);
    expect((await fx.zim.get("DescribeUserList", { RoomId: "r" })).body.Code).toBe(207);
    expect((await fx.zim.get("DescribeUserList", { RoomId: "other" })).body.Code).toBe(0);
  });

  it("QueryMessagesByMsgSeq counts messages, not requests", async () => {
    const ask = (n: number) =>
      fx.zim.post("QueryMessagesByMsgSeq", {
        FromUserId: "a",
        ConvId: "g1",
        ConvType: 2,
        MsgSeqList: Array.from({ length: n }, (_, i) => i + 1),
      });
    expect((await ask(15)).body.Code).toBe(0);
    expect((await ask(6)).body.Code).toBe(660300005);
    expect((await ask(5)).body.Code).toBe(0);
  });

  it("switches off", async () => {
    fx.emu.setRateLimits(false);
    const codes = await burst(25, () => fx.zim.post("QueryUserInfos", { UserIds: ["a"] }));
    expect(codes.every((c) => c === 0)).toBe(true);
  });
});
