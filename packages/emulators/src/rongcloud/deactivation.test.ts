import { verifyRongCloudCallback } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { useCallbackSink } from "../testing/callback-sink.js";
import { ok } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

const sink = useCallbackSink();
const fx = useRongCloud(() => ({ apps: [{ ...APP, callbackUrl: sink.url }] }));

const deactivationCallbacks = async () => {
  await fx.emu.flushCallbacks();
  return sink.received
    .filter(
      (c) =>
        c.headers["content-type"] === "application/x-www-form-urlencoded" &&
        c.body.includes("operateId"),
    )
    .map((c) => {
      expect(verifyRongCloudCallback(c.query, APP.appSecret).ok).toBe(true);
      return Object.fromEntries(new URLSearchParams(c.body));
    });
};

describe("deactivate / reactivate (§2.1, §3.5)", () => {
  it("deactivates asynchronously: operateId now, one signed callback per user later", async () => {
    fx.emu.login({ userId: "a" });
    const body = ok(await fx.rc.post("/user/deactivate.json", { userId: "a,b" }));
    expect(body.operateId).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    expect(ok(await fx.rc.post("/user/checkOnline.json", { userId: "a" })).status).toBe("0");
    const cbs = await deactivationCallbacks();
    expect(cbs).toHaveLength(2);
    expect(cbs[0]).toMatchObject({ userId: "a", operateId: body.operateId, type: "0", code: "0" });
    expect(Number(cbs[0]?.time)).toBeGreaterThan(0);
    expect(cbs[1]?.userId).toBe("b");
    expect(ok(await fx.rc.post("/user/deactivate/query.json", {})).users).toEqual(["a", "b"]);
    expect(() => fx.emu.login({ userId: "a" })).toThrow(/deactivated/);
  });

  it("reactivation within 1 h fails in the callback; after 1 h it succeeds", async () => {
    ok(await fx.rc.post("/user/deactivate.json", { userId: "a" }));
    await deactivationCallbacks();
    sink.received.length = 0;
    const early = ok(await fx.rc.post("/user/reactivate.json", { userId: "a" }));
    let cbs = await deactivationCallbacks();
    expect(cbs).toEqual([
      expect.objectContaining({ userId: "a", operateId: early.operateId, type: "1", code: "1" }),
    ]);
    expect(ok(await fx.rc.post("/user/deactivate/query.json", {})).users).toEqual(["a"]);
    fx.emu.setClock({ advanceMs: 3_600_001 });
    sink.received.length = 0;
    ok(await fx.rc.post("/user/reactivate.json", { userId: "a,never-deactivated" }));
    cbs = await deactivationCallbacks();
    expect(cbs.map((c) => [c.userId, c.code])).toEqual([
      ["a", "0"],
      ["never-deactivated", "0"], // repeating / reactivating an active user is not an error
    ]);
    expect(ok(await fx.rc.post("/user/deactivate/query.json", {})).users).toEqual([]);
    expect(() => fx.emu.login({ userId: "a" })).not.toThrow();
  });

  it("validates counts and paging", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `u${i}`).join(",");
    expect((await fx.rc.post("/user/deactivate.json", { userId: ids })).body.code).toBe(1002);
    expect((await fx.rc.post("/user/reactivate.json", { userId: ids })).body.code).toBe(1002);
    expect((await fx.rc.post("/user/deactivate.json", {})).body.code).toBe(1003);
    expect((await fx.rc.post("/user/deactivate/query.json", { pageSize: 51 })).body.code).toBe(
      1002,
    );
    expect((await fx.rc.post("/user/deactivate/query.json", { pageNo: 0 })).body.code).toBe(1002);
    ok(await fx.rc.post("/user/deactivate.json", { userId: "a,b,c" }));
    expect(
      ok(await fx.rc.post("/user/deactivate/query.json", { pageNo: 2, pageSize: 2 })).users,
    ).toEqual(["c"]);
  });
});
