import { verifyZegoCallback } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { useCallbackSink } from "../testing/callback-sink.js";
import { blocklistOf } from "./test-blocklist.js";
import { startTestEmulator, TEST_APP_ID, useZego } from "./test-support.js";

const CALLBACK_SECRET = "cbsecret0123";
const sink = useCallbackSink();
// Retries are tested with failing answers, not timeouts: a generous timeout keeps a slow
// delivery on a loaded machine from being sent twice (which the counts below would see).
const fx = useZego({ callbackRetry: { backoffMs: 10, timeoutMs: 10_000 } }, () => ({
  callbackUrl: sink.url,
  callbackSecret: CALLBACK_SECRET,
}));

type Body = Record<string, unknown>;
async function events(): Promise<Body[]> {
  await fx.emu.flushCallbacks();
  // Deliveries run concurrently: read them in dispatch order, after checking all arrived.
  const deliveries = fx.emu.callbackDeliveries();
  expect(sink.received).toHaveLength(deliveries.length);
  return deliveries.map((d) => JSON.parse(d.body) as Body);
}

/** The events besides user_action, which every login and logout sends too. */
const roomEvents = async () => (await events()).filter((e) => e.event !== "user_action");

describe("callbacks (zego.md §5)", () => {
  it("signs every callback with the CallbackSecret (sorted sha1) and carries appid/event/nonce/timestamp", async () => {
    await fx.emu.login({ userId: "a", os: "ANDROID" });
    const [cb] = await events();
    expect(cb).toMatchObject({
      appid: String(TEST_APP_ID),
      event: "user_action",
      user_id: "a",
      os: "ANDROID",
      action: 0,
    });
    expect(typeof cb?.nonce).toBe("string");
    expect(cb?.timestamp).toMatch(/^\d{10}$/);
    expect(sink.received[0]?.headers["content-type"]).toContain("application/json");
    expect(verifyZegoCallback(cb ?? {}, CALLBACK_SECRET).ok).toBe(true);
    expect(verifyZegoCallback(cb ?? {}, "wrong-secret").ok).toBe(false);
  });

  it("group and room events carry a ms timestamp, the rest seconds; each signed as sent (docs_all 42a7e2916)", async () => {
    const at = Math.floor(Date.now() / 1000) * 1000 + 123;
    fx.emu.setClock({ frozen: true, now: at });
    fx.emu.seed({ users: [{ userId: "o" }, { userId: "m" }] });
    await fx.zim.post("CreateGroup", { GroupId: "g", GroupOwner: "o", UserId: ["m"] });
    await fx.zim.post("SendGroupMessage", {
      FromUserId: "o",
      GroupId: "g",
      MessageType: 1,
      Priority: 1,
      MessageBody: { Message: "hi" },
    });
    await fx.emu.login({ userId: "a", roomId: "r" });
    await fx.emu.logout({ userId: "a", roomId: "r" });
    await fx.emu.login({ product: "rtc", userId: "x", roomId: "live" });
    const evs = await events();
    const units = evs.map((e) => [e.event, e.timestamp]);
    const ms = String(at);
    const s = String(Math.floor(at / 1000));
    expect(units).toEqual([
      ["group_create", ms],
      ["send_msg", s],
      ["user_action", s],
      ["room_create", ms],
      ["room_enter", ms],
      ["room_exit", ms],
      ["room_destroy", ms],
      ["room_create", s], // RTC's room_create: its page says seconds
      ["room_login", s],
    ]);
    for (const e of evs) expect(verifyZegoCallback(e, CALLBACK_SECRET).ok).toBe(true);
  });

  it("user_action for login, logout (1) and connection loss (2)", async () => {
    await fx.emu.login({ userId: "a" });
    await fx.emu.logout({ userId: "a" });
    await fx.emu.login({ userId: "a" });
    await fx.emu.logout({ userId: "a", reason: "offline" });
    await fx.emu.login({ userId: "a" });
    await fx.emu.login({ userId: "a" }); // already online: no new event
    expect((await events()).map((e) => [e.event, e.action, e.relogin])).toEqual([
      ["user_action", 0, "0"],
      ["user_action", 1, "0"],
      ["user_action", 0, "0"],
      ["user_action", 2, "0"],
      ["user_action", 0, "1"],
    ]);
  });

  it("send_msg for peer (user_list, empty conv_id) and group sends, none for commands", async () => {
    fx.emu.seed({
      users: [{ userId: "a" }, { userId: "b" }],
      groups: [{ groupId: "g", owner: "a" }],
    });
    const body = { MessageType: 1, Priority: 1, MessageBody: { Message: "hi" } };
    const peer = await fx.zim.post("SendPeerMessage", {
      FromUserId: "a",
      ToUserId: ["b"],
      ...body,
    });
    await fx.zim.post("SendPeerMessage", {
      FromUserId: "a",
      ToUserId: ["b"],
      ...body,
      MessageType: 2,
    });
    await fx.zim.post("SendGroupMessage", { FromUserId: "a", GroupId: "g", ...body });
    const evs = await events();
    expect(evs.map((e) => e.event)).toEqual(["send_msg", "send_msg"]);
    const msgId = (peer.body.SuccList as { MsgId: string }[])[0]?.MsgId;
    expect(evs[0]).toMatchObject({
      from_user_id: "a",
      conv_type: 0,
      conv_id: "",
      msg_type: 1,
      msg_body: "hi",
      source: 1,
      send_result: 0,
      msg_id: "", // a server-API peer send: each receiver's id and seq are in user_list
      user_list: [{ UserId: "b", MsgId: msgId, MsgSeq: 1 }],
    });
    expect(evs[0]).not.toHaveProperty("msg_seq");
    expect(evs[1]).toMatchObject({ conv_type: 2, conv_id: "g", msg_seq: 1 });
    expect(evs[1]?.msg_id).toMatch(/^[0-9]+$/);
  });

  it('send_msg lists a receiver the peer send failed to reach with MsgId "" (docs_all EN/Message sent.mdx)', async () => {
    fx.emu.seed({ users: [{ userId: "a" }, { userId: "b" }, { userId: "c" }, { userId: "d" }] });
    await blocklistOf(fx.zim, "c").add(["a"]);
    const res = await fx.zim.post("SendPeerMessage", {
      FromUserId: "a",
      ToUserId: ["b", "c", "d"],
      MessageType: 1,
      Priority: 1,
      MessageBody: { Message: "hi" },
    });
    expect(res.body.ErrorList).toEqual([{ UserId: "c", SubCode: 660800045 }]);
    const [sent] = (await events()).filter((e) => e.event === "send_msg");
    const ids = res.body.SuccList as { MsgId: string }[];
    // In ToUserId order; the failed receiver's MsgSeq 0 is the emulator's (unverified) choice.
    expect(sent?.user_list).toEqual([
      { UserId: "b", MsgId: ids[0]?.MsgId, MsgSeq: 1 },
      { UserId: "c", MsgId: "", MsgSeq: 0 },
      { UserId: "d", MsgId: ids[1]?.MsgId, MsgSeq: 1 },
    ]);
    expect(sent).toMatchObject({ conv_id: "", msg_id: "", send_result: 0 });
  });

  it("group_create, group_join, group_exit, group_destroy", async () => {
    fx.emu.seed({ users: [{ userId: "o" }, { userId: "m" }, { userId: "n" }] });
    await fx.zim.post("CreateGroup", {
      GroupId: "g",
      GroupOwner: "o",
      GroupName: "G",
      UserId: ["m"],
    });
    await fx.zim.post("InviteUsersIntoGroup", { FromUserId: "o", GroupId: "g", UserIds: ["n"] });
    await fx.zim.post("KickoutGroupUser", { FromUserId: "o", GroupId: "g", UserId: ["m"] });
    await fx.zim.get("DismissGroup", { FromUserId: "o", GroupId: "g" });
    // One entry per event, in order, each with the fields it must carry.
    expect(await events()).toMatchObject([
      {
        event: "group_create",
        group_id: "g",
        owner_account: "o",
        group_name: "G",
        user_ids: ["o", "m"],
      },
      { event: "group_join", operator_account: "o", join_type: "Invited", new_user_ids: ["n"] },
      { event: "group_exit", exit_type: "Kickout", exit_user_ids: ["m"] },
      { event: "group_destroy", owner_account: "o", user_ids: ["o", "n"] },
    ]);
  });

  it("ZIM room events and RTC room_login / room_logout", async () => {
    await fx.emu.login({ userId: "a", roomId: "r" });
    await fx.emu.logout({ userId: "a", roomId: "r" });
    await fx.emu.login({ product: "rtc", userId: "x", roomId: "live" });
    await fx.zim.get("KickoutUser", { RoomId: "live", UserId: ["x"] });
    const evs = await roomEvents();
    expect(evs.map((e) => e.event)).toEqual([
      "room_create",
      "room_enter",
      "room_exit",
      "room_destroy",
      "room_create",
      "room_login",
      "room_logout",
    ]);
    expect(evs[2]).toMatchObject({ room_id: "r", exit_type: "Quit", exit_user_ids: ["a"] });
    expect(evs[6]).toMatchObject({ room_id: "live", user_account: "x", reason: "kickout" });
  });

  it("ZIM room kick, and destruction once an emptied room's destroy delay ran out (#17 §U18)", async () => {
    fx.emu.seed({ users: [{ userId: "o" }] });
    await fx.zim.post("CreateRoom", { FromUserId: "o", RoomId: "d", DestroyDelayTime: 30 });
    await fx.emu.login({ userId: "a", roomId: "d" });
    await fx.zim.get("KickoutRoomUser", { RoomId: "d", UserId: ["a"], FromUserId: "o" });
    fx.emu.setClock({ advanceMs: 31_000 });
    expect((await fx.zim.get("QueryRoomUserList", { RoomId: "d" })).body.Code).toBe(660300001);
    const evs = await roomEvents();
    expect(evs.map((e) => e.event)).toEqual([
      "room_create",
      "room_enter",
      "room_exit",
      "room_destroy",
    ]);
    expect(evs[0]).toMatchObject({ room_id: "d", operator_account: "o" });
    expect(evs[2]).toMatchObject({
      exit_type: "Kickout",
      operator_account: "o",
      exit_user_ids: ["a"],
    });
    expect(evs[3]).toMatchObject({ room_id: "d", operator_account: "", user_ids: [] });
  });

  it("retries a failed delivery, then gives up after 5 retries", async () => {
    sink.respond = (n) => (n <= 2 ? 500 : 200);
    await fx.emu.login({ userId: "a" });
    await fx.emu.flushCallbacks();
    const [delivery] = fx.emu.callbackDeliveries({ kind: "user_action" });
    expect(delivery?.state).toBe("delivered");
    expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    sink.respond = () => 503;
    await fx.emu.login({ userId: "b" });
    await fx.emu.flushCallbacks();
    const failed = fx.emu.callbackDeliveries({ kind: "user_action" }).at(-1);
    expect(failed?.state).toBe("failed");
    expect(failed?.attempts).toHaveLength(6);
  });

  it("sends nothing without a callbackUrl", async () => {
    const quiet = await startTestEmulator();
    try {
      await quiet.emu.login({ userId: "a" });
      expect(quiet.emu.callbackDeliveries()).toEqual([]);
    } finally {
      await quiet.emu.close();
    }
  });
});
