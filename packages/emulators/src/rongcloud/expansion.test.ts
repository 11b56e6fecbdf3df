import { describe, expect, it } from "vitest";
import { type Form, ok, textMessage } from "../testing/rongcloud-client.js";
import { publishUid, queryHistory } from "../testing/rongcloud-messages.js";
import { useRongCloud } from "../testing/rongcloud-setup.js";

const fx = useRongCloud();

/** "hi", open to expansion: what the senders below publish from "a" (`form` adds or replaces). */
const hi = { expansion: true, ...textMessage("hi") };
const sendPrivate = (form: Form = {}) =>
  publishUid(fx, "private", { toUserId: "b", ...hi, ...form });
const sendGroup = (form: Form = {}) => publishUid(fx, "group", { toGroupId: "g1", ...hi, ...form });

/** Writes and deletes go as "b" in its conversation with "a" unless `form` says otherwise. */
const asB = { userId: "b", conversationType: 1, targetId: "a" };
const set = (msgUID: string, kv: Record<string, unknown>, form: Form = {}) =>
  fx.rc.post("/message/expansion/set.json", {
    msgUID,
    ...asB,
    extraKeyVal: JSON.stringify(kv),
    ...form,
  });
const del = (msgUID: string, keys: unknown, form: Form = {}) =>
  fx.rc.post("/message/expansion/delete.json", {
    msgUID,
    ...asB,
    extraKey: JSON.stringify(keys),
    ...form,
  });
const query = async (msgUID: string, pageNo?: number) =>
  ok(await fx.rc.post("/message/expansion/query.json", { msgUID, pageNo })).extraContent as Record<
    string,
    { v: string; ts: number }
  >;
const values = async (msgUID: string) =>
  Object.fromEntries(Object.entries(await query(msgUID)).map(([k, e]) => [k, e.v]));
const keysOf = (n: number, from = 0) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${from + i}`, "v"]));

describe("/message/expansion/set.json and query.json (§2.2, §2.3)", () => {
  it("sets keys, overwrites them (last write wins) and answers them with the write's server time", async () => {
    const uid = await sendPrivate();
    fx.emu.setClock({ now: Date.UTC(2025, 0, 1), frozen: true });
    ok(await set(uid, { color: "red", size: "L" }));
    // The other side writes too (userId and targetId the other way round).
    fx.emu.setClock({ advanceMs: 5 });
    ok(await set(uid, { color: "blue" }, { userId: "a", targetId: "b", isSyncSender: 1 }));
    expect(await query(uid)).toEqual({
      color: { v: "blue", ts: Date.UTC(2025, 0, 1) + 5 },
      size: { v: "L", ts: Date.UTC(2025, 0, 1) },
    });
    // Latest write first, like the doc's example.
    expect(Object.keys(await query(uid))).toEqual(["color", "size"]);
  });

  it("starts from the publish call's extraContent, and history shows the keys as they are now", async () => {
    const uid = await sendPrivate({ extraContent: JSON.stringify({ seed: "1" }) });
    expect(await values(uid)).toEqual({ seed: "1" });
    ok(await set(uid, { seed: "2", more: "x" }));
    const history = ok(await queryHistory(fx, "private", { userId: "b", targetId: "a" }));
    expect(JSON.parse(history.data[0].extraContent)).toEqual({ seed: "2", more: "x" });
    expect(fx.emu.storedMessage({ msgUID: uid })?.expansionKv).toMatchObject({
      seed: { v: "2" },
      more: { v: "x" },
    });
  });

  it("works on group messages, with the group as targetId and any operator", async () => {
    const uid = await sendGroup();
    ok(await set(uid, { vote: "yes" }, { conversationType: 3, targetId: "g1", userId: "z" }));
    expect(await values(uid)).toEqual({ vote: "yes" });
  });

  it("keeps at most 300 keys: new keys beyond are dropped silently, existing ones still change", async () => {
    const uid = await sendPrivate();
    for (const from of [0, 100, 200]) ok(await set(uid, keysOf(100, from)));
    ok(await set(uid, { k0: "changed", extra: "dropped" }));
    const page1 = await query(uid, 1);
    expect(Object.keys(page1)).toHaveLength(300);
    expect(page1.k0?.v).toBe("changed");
    expect(page1.extra).toBeUndefined();
    // 300 a page: the second page is empty.
    expect(await query(uid, 2)).toEqual({});
    // After a delete there is room again.
    ok(await del(uid, ["k1"]));
    ok(await set(uid, { extra: "kept" }));
    expect((await query(uid)).extra?.v).toBe("kept");
  });

  it("refuses a write with 1002: unknown uid, not sent with expansion, another conversation, bad type", async () => {
    const plain = await sendPrivate({ expansion: false });
    const uid = await sendPrivate();
    const targeted = await sendGroup({ toUserId: "b" });
    const system = await publishUid(fx, "system", { toUserId: "b", expansion: true });
    for (const res of [
      await set("AAAA-BBBB-CCCC-DDDD", { k: "v" }),
      await set(plain, { k: "v" }),
      await set(targeted, { k: "v" }, { conversationType: 3, targetId: "g1" }),
      await set(uid, { k: "v" }, { targetId: "c" }),
      await set(uid, { k: "v" }, { userId: "c", targetId: "a" }),
      await set(uid, { k: "v" }, { conversationType: 3 }),
      await set(uid, { k: "v" }, { conversationType: 2 }),
      await set(system, { k: "v" }, { conversationType: 6 }),
      await set(uid, { k: "v" }, { userId: undefined }),
      await set(uid, {}),
      await set(uid, { k: "v" }, { extraKeyVal: "not json" }),
    ]) {
      expect(res).toMatchObject({ status: 400, body: { code: 1002 } });
    }
    expect(await values(uid)).toEqual({});
  });

  it("checks keys and values: charset 1002, a key over 32 or a value over 4096 characters 1005, over 100 pairs 1002", async () => {
    const uid = await sendPrivate();
    expect((await set(uid, { "bad key": "v" })).body.code).toBe(1002);
    expect((await set(uid, { 中文: "v" })).body.code).toBe(1002);
    expect((await set(uid, { k: { nested: true } })).body.code).toBe(1002);
    expect((await set(uid, { ["k".repeat(33)]: "v" })).body.code).toBe(1005);
    expect((await set(uid, { k: "字".repeat(4097) })).body.code).toBe(1005);
    expect((await set(uid, keysOf(101))).body).toMatchObject({
      code: 1002,
      errorMessage: expect.stringContaining("max 100"),
    });
    // The edges pass: 32-character keys of every allowed character, 4096 characters, 100 pairs.
    ok(await set(uid, { "Az09+=_-Az09+=_-Az09+=_-Az09+=_-": "字".repeat(4096) }));
    ok(await set(uid, keysOf(100, 1000)));
    expect(Object.keys(await query(uid))).toHaveLength(101);
  });

  it("query answers an empty map for an unknown or non-extensible message (U2)", async () => {
    const plain = await sendPrivate({ expansion: false, extraContent: JSON.stringify({ a: "1" }) });
    expect(await query("AAAA-BBBB-CCCC-DDDD")).toEqual({});
    expect(await query(plain)).toEqual({});
    const res = await fx.rc.post("/message/expansion/query.json", { pageNo: 1 });
    expect(res).toMatchObject({ status: 400, body: { code: 1002 } });
    const bad = await fx.rc.post("/message/expansion/query.json", { msgUID: "x", pageNo: 0 });
    expect(bad.body.code).toBe(1002);
  });
});

describe("/message/expansion/delete.json (§2.2)", () => {
  it("removes keys named by a JSON array; an absent key is no error", async () => {
    const uid = await sendPrivate();
    ok(await set(uid, { a: "1", b: "2", c: "3" }));
    ok(await del(uid, ["a", "c", "never"]));
    expect(await values(uid)).toEqual({ b: "2" });
  });

  it("refuses a bad key list (1002), a long key (1005) and the message rules of set", async () => {
    const uid = await sendPrivate();
    const plain = await sendPrivate({ expansion: false });
    for (const res of [
      await del(uid, "a"),
      await del(uid, [1]),
      await del(uid, []),
      await del(uid, ["a b"]),
      await del(uid, Object.keys(keysOf(101))),
      await del(uid, ["a"], { extraKey: "a,b" }),
      await del(plain, ["a"]),
      await del("AAAA-BBBB-CCCC-DDDD", ["a"]),
      await del(uid, ["a"], { targetId: "c" }),
    ]) {
      expect(res).toMatchObject({ status: 400, body: { code: 1002 } });
    }
    expect((await del(uid, ["k".repeat(33)])).body.code).toBe(1005);
  });
});
