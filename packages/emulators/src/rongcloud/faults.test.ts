import { signRongCloudRequest } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { ok } from "../testing/rongcloud-client.js";
import { queryHistory } from "../testing/rongcloud-messages.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";
import { startRongCloudEmulator } from "./index.js";

const fx = useRongCloud();
const ROUTE = "/message/private/publish.json";
const publish = (content: string, signal?: AbortSignal) =>
  fetch(`${fx.emu.url}${ROUTE}`, {
    method: "POST",
    headers: {
      ...signRongCloudRequest(APP),
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Request-ID": "fault-req",
    },
    body: new URLSearchParams({
      fromUserId: "a",
      toUserId: "b",
      objectName: "X:Y",
      content,
    }).toString(),
    ...(signal ? { signal } : {}),
  });
const stored = async () =>
  ok(await queryHistory(fx, "private", { userId: "a", targetId: "b" })).data.map(
    (m: { content: string }) => m.content,
  );

describe("fault injection through the RongCloud emulator", () => {
  it("vendor-error uses the RongCloud envelope and status of the code; not processed", async () => {
    fx.emu.addFault({ route: ROUTE, kind: "vendor-error", code: 1008, times: 1 });
    const res = await publish("v1");
    expect(res.status).toBe(429);
    expect(res.headers.get("x-request-id")).toBe("fault-req");
    expect(await res.json()).toEqual({ code: 1008, errorMessage: "injected error 1008" });
    fx.emu.addFault({ route: ROUTE, kind: "vendor-error", code: 1050, message: "busy", times: 1 });
    const r2 = await publish("v2");
    expect(r2.status).toBe(504);
    expect(await r2.json()).toEqual({ code: 1050, errorMessage: "busy" });
    expect(await stored()).toEqual([]);
  });

  it("http-error (5xx) is not processed", async () => {
    fx.emu.addFault({ route: "*", kind: "http-error", status: 502, times: 1 });
    const res = await publish("h");
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toBe("text/html");
    expect(await stored()).toEqual([]);
  });

  it("reset-before: connection dropped, message never sent", async () => {
    fx.emu.addFault({ route: ROUTE, kind: "reset-before", times: 1 });
    await expect(publish("rb")).rejects.toThrow();
    expect(await stored()).toEqual([]);
  });

  it("reset-after: connection dropped, but the message WAS sent (a retry would duplicate it)", async () => {
    fx.emu.addFault({ route: ROUTE, kind: "reset-after", times: 1 });
    await expect(publish("ra")).rejects.toThrow();
    expect(await stored()).toEqual(["ra"]);
  });

  it("malformed: 200 with invalid JSON, message sent", async () => {
    fx.emu.addFault({ route: ROUTE, kind: "malformed", times: 1 });
    const res = await publish("mf");
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
    expect(await stored()).toEqual(["mf"]);
  });

  it("no-answer before and after", async () => {
    fx.emu.addFault({ route: ROUTE, kind: "no-answer-before", times: 1 });
    await expect(publish("nb", AbortSignal.timeout(100))).rejects.toThrow();
    fx.emu.addFault({ route: ROUTE, kind: "no-answer-after", times: 1 });
    await expect(publish("na", AbortSignal.timeout(100))).rejects.toThrow();
    expect(await stored()).toEqual(["na"]);
  });

  it("latency delays the answer", async () => {
    fx.emu.addFault({ route: ROUTE, kind: "latency", ms: 150, times: 1 });
    const t = Date.now();
    expect((await publish("lat")).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
  });

  it("faults via the control API with after/times, and at start", async () => {
    const add = await fetch(`${fx.emu.url}/__emulator/faults`, {
      method: "POST",
      body: JSON.stringify({
        route: "/user/checkOnline.json",
        kind: "vendor-error",
        code: 1000,
        after: 1,
        times: 1,
      }),
    });
    expect(add.status).toBe(200);
    expect((await fx.rc.post("/user/checkOnline.json", { userId: "a" })).body.code).toBe(200);
    expect(await fx.rc.post("/user/checkOnline.json", { userId: "a" })).toMatchObject({
      status: 500,
      body: { code: 1000 },
    });
    expect((await fx.rc.post("/user/checkOnline.json", { userId: "a" })).body.code).toBe(200);

    const emu = await startRongCloudEmulator({
      apps: [APP],
      faults: [{ route: "/user/getToken.json", kind: "vendor-error", code: 2007 }],
    });
    try {
      const { rcClient } = await import("../testing/rongcloud-client.js");
      const r = await rcClient({ url: emu.url, ...APP }).post("/user/getToken.json", {
        userId: "a",
        name: "A",
      });
      expect(r).toMatchObject({ status: 403, body: { code: 2007 } });
    } finally {
      await emu.close();
    }
  });
});
