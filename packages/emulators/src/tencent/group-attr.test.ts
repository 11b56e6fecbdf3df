import { afterEach, describe, expect, it } from "vitest";
import { createClock, type RunningEmulator } from "../framework/index.js";
import { startTencentEmulator } from "./emulator.js";
import {
  type Body,
  createGroup,
  KEY,
  ok,
  SDK_APP_ID,
  timClient,
  useTencent,
} from "./test-support.js";

const fx = useTencent();
const call = (cmd: string, body: Body) => fx.tim.call(cmd, body);
const get = async (GroupId: string) =>
  ok(await call("group_open_attr_http_svc/get_group_attr", { GroupId })).GroupAttrAry;
const attrs = (o: Record<string, string>) =>
  Object.entries(o).map(([key, value]) => ({ key, value }));
const modify = (GroupId: string, o: Record<string, string>) =>
  call("group_open_http_svc/modify_group_attr", { GroupId, GroupAttr: attrs(o) });

describe("group attributes (#17 §2.2)", () => {
  it("modify merges, set replaces, delete removes keys, clear removes all; get answers lower-case key/value", async () => {
    const id = await createGroup(fx.tim);
    expect(await get(id)).toEqual([]);
    ok(await modify(id, { a: "1", b: "2" }));
    ok(await modify(id, { b: "3", c: "4" }));
    expect(await get(id)).toEqual(attrs({ a: "1", b: "3", c: "4" }));
    ok(
      await call("group_open_http_svc/delete_group_attr", {
        GroupId: id,
        GroupAttr: [{ key: "a" }],
      }),
    );
    expect(await get(id)).toEqual(attrs({ b: "3", c: "4" }));
    ok(
      await call("group_open_http_svc/set_group_attr", {
        GroupId: id,
        GroupAttr: attrs({ z: "9" }),
      }),
    );
    expect(await get(id)).toEqual(attrs({ z: "9" }));
    ok(await call("group_open_http_svc/clear_group_attr", { GroupId: id }));
    expect(await get(id)).toEqual([]);
  });

  it("limits: key 32 bytes (10045), value 4000 bytes (10046), 16 keys (10047), 16000 bytes (10048)", async () => {
    const id = await createGroup(fx.tim);
    expect((await modify(id, { ["k".repeat(33)]: "v" })).ErrorCode).toBe(10045);
    ok(await modify(id, { ["k".repeat(32)]: "v".repeat(4000) }));
    expect((await modify(id, { x: "v".repeat(4001) })).ErrorCode).toBe(10046);
    const sixteen = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`k${i}`, "v"]));
    ok(await modify(id, sixteen));
    expect((await modify(id, { extra: "v" })).ErrorCode).toBe(10047);
    // Nothing of a refused write is kept.
    expect((await get(id)).length).toBe(16);
    ok(await call("group_open_http_svc/clear_group_attr", { GroupId: id }));
    const big = Object.fromEntries(
      Array.from({ length: 4 }, (_, i) => [`b${i}`, "v".repeat(4000)]),
    );
    ok(await modify(id, big));
    expect((await modify(id, { b4: "v" })).ErrorCode).toBe(10048);
  });

  it("deleting a missing key is 10050 and deletes nothing; unknown group 10010; Community clear 10007", async () => {
    const id = await createGroup(fx.tim);
    ok(await modify(id, { a: "1" }));
    const del = await call("group_open_http_svc/delete_group_attr", {
      GroupId: id,
      GroupAttr: [{ key: "a" }, { key: "nope" }],
    });
    expect(del.ErrorCode).toBe(10050);
    expect(await get(id)).toEqual(attrs({ a: "1" }));
    expect((await modify("nope", { a: "1" })).ErrorCode).toBe(10010);
    expect((await call("group_open_http_svc/modify_group_attr", { GroupId: id })).ErrorCode).toBe(
      10004,
    );
    const community = await createGroup(fx.tim, { Type: "Community", GroupId: "@TGS#_c1" });
    ok(await modify(community, { a: "1" }));
    const clear = await call("group_open_http_svc/clear_group_attr", { GroupId: community });
    expect(clear.ErrorCode).toBe(10007);
    const live = await createGroup(fx.tim, { Type: "AVChatRoom" });
    ok(await modify(live, { a: "1" }));
  });
});

describe("group attribute write rate (10049)", () => {
  let emu: RunningEmulator | undefined;
  afterEach(async () => {
    await emu?.close();
  });

  it("takes 5 writes a second per group, then 10049; another group has its own budget", async () => {
    emu = await startTencentEmulator({
      rateLimits: true,
      clock: createClock(() => Date.UTC(2026, 0, 10, 0, 0, 0)),
      apps: [{ sdkAppId: SDK_APP_ID, key: KEY }],
    });
    const tim = timClient(emu);
    const one = await createGroup(tim);
    const two = await createGroup(tim);
    const write = (GroupId: string, i: number) =>
      tim.call("group_open_http_svc/modify_group_attr", {
        GroupId,
        GroupAttr: [{ key: "k", value: String(i) }],
      });
    for (let i = 0; i < 5; i++) ok(await write(one, i));
    expect((await write(one, 5)).ErrorCode).toBe(10049);
    expect(
      (await tim.call("group_open_http_svc/clear_group_attr", { GroupId: one })).ErrorCode,
    ).toBe(10049);
    ok(await write(two, 0));
    emu.setClock({ offsetMs: 1_000 });
    ok(await write(one, 6));
  });
});
