import { describe, expect, it } from "vitest";
import { ok } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

const fx = useRongCloud({
  rateLimits: true,
  apps: [
    { ...APP, features: { broadcast: true } },
    { appKey: "other", appSecret: "s" },
  ],
});
const ids = (n: number, p = "u") => Array.from({ length: n }, (_, i) => `${p}${i}`);

/** Freeze the emulated clock at the start of a window so a test never straddles two. */
const freeze = () => fx.emu.setClock({ now: Date.UTC(2024, 0, 1, 1, 0, 0), frozen: true });
const statuses = async (
  n: number,
  f: () => Promise<{ status: number; body: { code: number } }>,
) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await f()).body.code);
  return out;
};

describe("rate limits (§1.7)", () => {
  it("default 100 requests/s per app and endpoint, 429 / 1008 beyond; next second is fresh", async () => {
    freeze();
    const codes = await statuses(101, () => fx.rc.post("/user/checkOnline.json", { userId: "a" }));
    expect(codes.filter((c) => c === 200)).toHaveLength(100);
    const last = await fx.rc.post("/user/checkOnline.json", { userId: "a" });
    expect(last).toMatchObject({ status: 429, body: { code: 1008 } });
    // other endpoint and other app are counted apart
    ok(await fx.rc.post("/user/block/query.json", {}));
    const { rcClient } = await import("../testing/rongcloud-client.js");
    ok(
      await rcClient({ url: fx.emu.url, appKey: "other", appSecret: "s" }).post(
        "/user/checkOnline.json",
        { userId: "a" },
      ),
    );
    fx.emu.setClock({ advanceMs: 1000 });
    ok(await fx.rc.post("/user/checkOnline.json", { userId: "a" }));
  });

  it("getToken allows 200/s", async () => {
    freeze();
    const codes = await statuses(201, () =>
      fx.rc.post("/user/getToken.json", { userId: "a", name: "A" }),
    );
    expect(codes.slice(0, 200).every((c) => c === 200)).toBe(true);
    expect(codes[200]).toBe(1008);
  });

  it("private publish counts recipients: 6000 messages/min", async () => {
    freeze();
    const send = (n: number) =>
      fx.rc.post("/message/private/publish.json", {
        fromUserId: "a",
        toUserId: ids(n),
        objectName: "X:Y",
        content: "c",
      });
    for (let i = 0; i < 5; i++) ok(await send(1000));
    ok(await send(999));
    expect((await send(2)).body.code).toBe(1008); // 5999 + 2 > 6000
    ok(await send(1));
    fx.emu.setClock({ advanceMs: 60_000 });
    ok(await send(1000));
  });

  it("group publish counts groups: 20 messages/s", async () => {
    freeze();
    const send = (n: number) =>
      fx.rc.post("/message/group/publish.json", {
        fromUserId: "a",
        toGroupId: ids(n, "g"),
        objectName: "X:Y",
        content: "c",
      });
    for (let i = 0; i < 6; i++) ok(await send(3));
    expect((await send(3)).body.code).toBe(1008);
    ok(await send(2));
  });

  it("broadcast: 2 per hour and 3 per Beijing calendar day", async () => {
    fx.emu.setClock({ now: Date.UTC(2024, 0, 1, 16, 0, 0), frozen: true }); // 00:00 Beijing
    const send = () =>
      fx.rc.post("/message/broadcast.json", { fromUserId: "s", objectName: "X:Y", content: "c" });
    ok(await send());
    ok(await send());
    expect((await send()).body.code).toBe(1008);
    fx.emu.setClock({ advanceMs: 3_600_000 });
    ok(await send());
    fx.emu.setClock({ advanceMs: 3_600_000 });
    expect((await send()).body.code).toBe(1008); // 3 today already
    fx.emu.setClock({ now: Date.UTC(2024, 0, 2, 16, 0, 0) });
    ok(await send());
  });

  it("can be switched off (control API) and on again", async () => {
    freeze();
    const off = await fetch(`${fx.emu.url}/__emulator/rate-limits`, {
      method: "POST",
      body: JSON.stringify({ enabled: false }),
    });
    expect(await off.json()).toEqual({ enabled: false });
    const codes = await statuses(150, () => fx.rc.post("/user/checkOnline.json", { userId: "a" }));
    expect(codes.every((c) => c === 200)).toBe(true);
    fx.emu.setRateLimits(true);
    const more = await statuses(101, () => fx.rc.post("/user/checkOnline.json", { userId: "a" }));
    expect(more.at(-1)).toBe(1008);
  });
});
