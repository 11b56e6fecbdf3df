import { describe, expect, it } from "vitest";
import { type Body, createGroup, ok, useTencent, withTencent } from "./test-support.js";

const fx = useTencent();
const call = (cmd: string, body: Body) => fx.tim.call(`group_open_http_svc/${cmd}`, body);
const counters = (o: Record<string, number>) =>
  Object.entries(o).map(([Key, Value]) => ({ Key, Value }));

describe("group counters (#17 §2.5)", () => {
  it("Set, Increase and Decrease answer the values after the update; get reads all or some keys", async () => {
    const id = await createGroup(fx.tim);
    const set = ok(
      await call("update_group_counter", { GroupId: id, GroupCounter: counters({ a: 5, b: 1 }) }),
    );
    expect(set.GroupCounter).toEqual(counters({ a: 5, b: 1 }));
    const inc = ok(
      await call("update_group_counter", {
        GroupId: id,
        Mode: "Increase",
        GroupCounter: counters({ a: 2, c: 3 }),
      }),
    );
    expect(inc.GroupCounter).toEqual(counters({ a: 7, c: 3 }));
    const dec = ok(
      await call("update_group_counter", {
        GroupId: id,
        Mode: "Decrease",
        GroupCounter: counters({ b: 4 }),
      }),
    );
    expect(dec.GroupCounter).toEqual(counters({ b: -3 }));
    expect(ok(await call("get_group_counter", { GroupId: id })).GroupCounter).toEqual(
      counters({ a: 7, b: -3, c: 3 }),
    );
    const some = ok(await call("get_group_counter", { GroupId: id, GroupCounterKeys: ["c", "x"] }));
    expect(some.GroupCounter).toEqual(counters({ c: 3 }));
    ok(await call("delete_group_counter", { GroupId: id, GroupCounterKeys: ["a"] }));
    expect(ok(await call("get_group_counter", { GroupId: id })).GroupCounter).toEqual(
      counters({ b: -3, c: 3 }),
    );
    ok(await call("delete_group_counter", { GroupId: id }));
    expect(ok(await call("get_group_counter", { GroupId: id })).GroupCounter).toEqual([]);
  });

  it("20 keys a request and a group (10063), 128-byte keys and known modes (10004), not Community (10007)", async () => {
    const id = await createGroup(fx.tim);
    const many = (n: number, p = "k") =>
      counters(Object.fromEntries(Array.from({ length: n }, (_, i) => [`${p}${i}`, 1])));
    const upd = (body: Body) => call("update_group_counter", { GroupId: id, ...body });
    expect((await upd({ GroupCounter: many(21) })).ErrorCode).toBe(10063);
    ok(await upd({ GroupCounter: many(20) }));
    expect((await upd({ GroupCounter: many(1, "other") })).ErrorCode).toBe(10063);
    expect((await upd({ GroupCounter: counters({ ["k".repeat(129)]: 1 }) })).ErrorCode).toBe(10004);
    expect((await upd({ Mode: "Double", GroupCounter: many(1) })).ErrorCode).toBe(10004);
    expect((await upd({ GroupCounter: [{ Key: "k0", Value: 1.5 }] })).ErrorCode).toBe(10004);
    const community = await createGroup(fx.tim, { Type: "Community", GroupId: "@TGS#_cc" });
    expect((await call("get_group_counter", { GroupId: community })).ErrorCode).toBe(10007);
    expect((await call("get_group_counter", { GroupId: "nope" })).ErrorCode).toBe(10010);
  });

  it("needs the Pro edition or higher (10059)", async () => {
    await withTencent({ edition: "standard" }, async (tim) => {
      const id = await createGroup(tim);
      const r = await tim.call("group_open_http_svc/get_group_counter", { GroupId: id });
      expect(r.ErrorCode).toBe(10059);
    });
    await withTencent({ edition: "pro" }, async (tim) => {
      const id = await createGroup(tim);
      ok(await tim.call("group_open_http_svc/get_group_counter", { GroupId: id }));
    });
  });
});
