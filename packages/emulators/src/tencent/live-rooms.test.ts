// Live groups (AVChatRoom, #17 §3): online members, check, bans, broadcast, priorities, and
// entering and leaving through the control API, over raw HTTP.
import { describe, expect, it } from "vitest";
import { useTencentCallbacks } from "../testing/tencent-callbacks.js";
import { type Body, demoState, ok, text, withTencent } from "./test-support.js";

const fx = useTencentCallbacks();
const call = (cmd: string, body: Body) => fx.tim.call(cmd, body);

/** A live group "live" owned by "o", with `inside` entered through client logins. */
async function liveRoom(inside: string[], others: string[] = []): Promise<string> {
  fx.emu.seed({ accounts: ["o", ...inside, ...others] });
  ok(
    await call("group_open_http_svc/create_group", {
      Type: "AVChatRoom",
      GroupId: "live",
      Name: "Live",
      Owner_Account: "o",
    }),
  );
  for (const userId of inside) fx.emu.login({ userId, groupId: "live" });
  return "live";
}

const members = async (GroupId: string, Timestamp = 0) =>
  ok(await call("group_open_avchatroom_http_svc/get_members", { GroupId, Timestamp }));
const online = async (GroupId: string) =>
  ok(await call("group_open_http_svc/get_online_member_num", { GroupId })).OnlineMemberNum;

describe("live group members (#17 §3.1-§3.3)", () => {
  it("counts and lists who entered (not the owner), checks presence, and leaves through logout", async () => {
    const id = await liveRoom(["a", "b"], ["c"]);
    expect(await online(id)).toBe(0 + 2);
    const page = await members(id);
    expect(page.MemberList.map((m: Body) => m.Member_Account)).toEqual(["a", "b"]);
    expect(page.NextTimestamp).toBe(0);
    const check = ok(
      await call("group_open_avchatroom_http_svc/check_members", {
        GroupId: id,
        Member_Account: ["a", "c"],
      }),
    );
    expect(check.Member_Account).toEqual(["a"]);
    fx.emu.logout({ userId: "a", groupId: id });
    fx.emu.logout({ userId: "b", groupId: id, reason: "TimeOut" });
    expect(await online(id)).toBe(0);
    await fx.emu.flushCallbacks();
    const sent = fx.sink.received.map((c) => [
      c.query.get("CallbackCommand"),
      JSON.parse(c.body).ExitType ?? JSON.parse(c.body).EventType ?? "",
    ]);
    expect(sent).toContainEqual(["Group.CallbackAfterMemberExit", "Quit"]);
    expect(sent).toContainEqual(["Group.CallbackOnMemberStateChange", "Offline"]);
  });

  it("get_group_info answers no member count; get_group_member_info refuses AVChatRoom (10007)", async () => {
    const id = await liveRoom(["a"]);
    const info = ok(await call("group_open_http_svc/get_group_info", { GroupIdList: [id] }))
      .GroupInfo[0];
    expect(info).toMatchObject({ Type: "AVChatRoom", Owner_Account: "o" });
    expect(info).not.toHaveProperty("MemberNum");
    expect(info).not.toHaveProperty("MemberList");
    expect(
      (await call("group_open_http_svc/get_group_member_info", { GroupId: id })).ErrorCode,
    ).toBe(10007);
  });

  it("pages 250 at a time with NextTimestamp; codes for unknown, plain and bad requests", async () => {
    const ids = Array.from({ length: 260 }, (_, i) => `m${i}`);
    await liveRoom(ids);
    const first = await members("live");
    expect(first.MemberList).toHaveLength(250);
    expect(first.NextTimestamp).toBeGreaterThan(0);
    const second = await members("live", first.NextTimestamp);
    expect(second.MemberList.map((m: Body) => m.Member_Account)).toEqual(ids.slice(250));
    expect(second.NextTimestamp).toBe(0);
    expect(
      (await call("group_open_avchatroom_http_svc/get_members", { GroupId: "live" })).ErrorCode,
    ).toBe(10004);
    const unknown = await call("group_open_http_svc/get_online_member_num", { GroupId: "nope" });
    expect(unknown.ErrorCode).toBe(10010);
    ok(
      await call("group_open_http_svc/create_group", { Type: "Public", GroupId: "pub", Name: "p" }),
    );
    expect(
      (await call("group_open_http_svc/get_online_member_num", { GroupId: "pub" })).ErrorCode,
    ).toBe(10007);
    const over = Array.from({ length: 501 }, (_, i) => `x${i}`);
    expect(
      (
        await call("group_open_avchatroom_http_svc/check_members", {
          GroupId: "live",
          Member_Account: over,
        })
      ).ErrorCode,
    ).toBe(10004);
  });

  it("without the online-member-list switch: the 30 latest members, and check_members 10007", async () => {
    await withTencent({ edition: "standard" }, async (tim, emu) => {
      emu.seed({ accounts: Array.from({ length: 40 }, (_, i) => `u${i}`) });
      ok(
        await tim.call("group_open_http_svc/create_group", {
          Type: "AVChatRoom",
          GroupId: "l",
          Name: "l",
        }),
      );
      for (let i = 0; i < 40; i++) emu.login({ userId: `u${i}`, groupId: "l" });
      const page = ok(
        await tim.call("group_open_avchatroom_http_svc/get_members", {
          GroupId: "l",
          Timestamp: 0,
        }),
      );
      expect(page.MemberList).toHaveLength(30);
      expect(page.MemberList[0].Member_Account).toBe("u10");
      const check = await tim.call("group_open_avchatroom_http_svc/check_members", {
        GroupId: "l",
        Member_Account: ["u1"],
      });
      expect(check.ErrorCode).toBe(10007);
      const ban = await tim.call("group_open_http_svc/ban_group_member", {
        GroupId: "l",
        Members_Account: ["u1"],
        Duration: 60,
      });
      expect(ban.ErrorCode).toBe(10007);
      const cast = await tim.call("group_open_http_svc/send_broadcast_msg", {
        Random: 1,
        MsgBody: text("x"),
      });
      expect(cast.ErrorCode).toBe(10007);
    });
  });
});

describe("live group bans (#17 §3.4)", () => {
  it("a ban removes the member, blocks re-entry, lists BannedUntil; unban lets them in again", async () => {
    const id = await liveRoom(["a", "b"]);
    // The ban's second is read on both sides of the call: it may cross a second boundary.
    const before = Math.floor(fx.emu.now() / 1000);
    ok(
      await call("group_open_http_svc/ban_group_member", {
        GroupId: id,
        Members_Account: ["a"],
        Duration: 3600,
        Description: "spam",
      }),
    );
    const after = Math.floor(fx.emu.now() / 1000);
    expect((await members(id)).MemberList.map((m: Body) => m.Member_Account)).toEqual(["b"]);
    expect(() => fx.emu.login({ userId: "a", groupId: id })).toThrow(/banned/);
    const list = ok(
      await call("group_open_http_svc/get_group_ban_member", { GroupId: id, Offset: 0 }),
    );
    expect(list.BannedAccountList).toEqual([
      { Member_Account: "a", BannedUntil: expect.any(Number) },
    ]);
    const until = list.BannedAccountList[0].BannedUntil;
    expect(until).toBeGreaterThanOrEqual(before + 3600);
    expect(until).toBeLessThanOrEqual(after + 3600);
    expect(list.NextOffset).toBe(0);
    ok(
      await call("group_open_http_svc/unban_group_member", { GroupId: id, Members_Account: ["a"] }),
    );
    expect(
      ok(await call("group_open_http_svc/get_group_ban_member", { GroupId: id, Offset: 0 }))
        .BannedAccountList,
    ).toEqual([]);
    fx.emu.login({ userId: "a", groupId: id });
    expect(await online(id)).toBe(2);
  });

  it("limits: 20 accounts a call (10005), Duration ≥ 1 (10004), Description ≤ 1000 bytes, Limit ≤ 100", async () => {
    const id = await liveRoom([]);
    const many = Array.from({ length: 21 }, (_, i) => `u${i}`);
    const ban = (body: Body) =>
      call("group_open_http_svc/ban_group_member", { GroupId: id, ...body });
    expect((await ban({ Members_Account: many, Duration: 60 })).ErrorCode).toBe(10005);
    expect(
      (await call("group_open_http_svc/unban_group_member", { GroupId: id, Members_Account: many }))
        .ErrorCode,
    ).toBe(10005);
    expect((await ban({ Members_Account: ["a"], Duration: 0 })).ErrorCode).toBe(10004);
    expect((await ban({ Members_Account: ["a"] })).ErrorCode).toBe(10004);
    expect(
      (await ban({ Members_Account: ["a"], Duration: 60, Description: "x".repeat(1001) }))
        .ErrorCode,
    ).toBe(10004);
    expect(
      (
        await call("group_open_http_svc/get_group_ban_member", {
          GroupId: id,
          Offset: 0,
          Limit: 101,
        })
      ).ErrorCode,
    ).toBe(10004);
    expect(
      (
        await call("group_open_http_svc/ban_group_member", {
          GroupId: "nope",
          Members_Account: ["a"],
          Duration: 60,
        })
      ).ErrorCode,
    ).toBe(10010);
  });
});

describe("live group messages (#17 §3.5)", () => {
  it("send_group_msg keeps MsgPriority (High/Normal/Low, case-sensitive); broadcast reaches every live group", async () => {
    const id = await liveRoom(["a"]);
    ok(
      await call("group_open_http_svc/create_group", {
        Type: "AVChatRoom",
        GroupId: "live2",
        Name: "l2",
      }),
    );
    const send = (MsgPriority: string | undefined, t: string) =>
      call("group_open_http_svc/send_group_msg", {
        GroupId: id,
        From_Account: "o",
        Random: Math.floor(Math.random() * 1e9),
        MsgBody: text(t),
        ...(MsgPriority ? { MsgPriority } : {}),
      });
    ok(await send(undefined, "n"));
    ok(await send("High", "h"));
    expect((await send("high", "x")).ErrorCode).toBe(10004);
    ok(
      await call("group_open_http_svc/send_broadcast_msg", {
        From_Account: "o",
        Random: 7,
        MsgBody: text("all"),
      }),
    );
    const rooms = demoState(fx.emu).liveRooms as Body[];
    const byId = Object.fromEntries(rooms.map((r) => [r.groupId, r.messages]));
    expect(byId.live).toEqual([
      { from: "o", text: "n", priority: "Normal" },
      { from: "o", text: "h", priority: "High" },
      { from: "o", text: "all", priority: "Normal" },
    ]);
    expect(byId.live2).toEqual([{ from: "o", text: "all", priority: "Normal" }]);
  });
});
