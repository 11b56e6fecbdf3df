import { describe, expect, it } from "vitest";
import type { FaultSpec } from "../framework/index.js";
import { type Body, ok, SDK_APP_ID, useTencent, withTencent } from "./test-support.js";

const fx = useTencent();
const ROUTE = "v4/im_open_login_svc/account_import";
const imported = async (id: string) =>
  ok(await fx.tim.call("im_open_login_svc/account_check", { CheckItem: [{ UserID: id }] }))
    .ResultItem[0].AccountStatus === "Imported";
const importRaw = (id: string, timeoutMs = 2_000) =>
  fetch(urlFor(), {
    method: "POST",
    body: JSON.stringify({ UserID: id }),
    signal: AbortSignal.timeout(timeoutMs),
  });
function urlFor(): string {
  const q = new URLSearchParams({
    sdkappid: String(SDK_APP_ID),
    identifier: "administrator",
    usersig: fx.tim.sig(),
    random: "1",
    contenttype: "json",
  });
  return `${fx.emu.url}/${ROUTE}?${q}`;
}
const fault = (spec: Omit<FaultSpec, "route">) =>
  fx.emu.addFault({ route: ROUTE, times: 1, ...spec });

describe("framework faults on a Tencent route", () => {
  it("route keys are v4/<service>/<command>", async () => {
    ok(await fx.tim.call("im_open_login_svc/account_import", { UserID: "a" }));
    expect(fx.emu.requests({ route: ROUTE }).map((r) => r.app)).toEqual([String(SDK_APP_ID)]);
  });

  it("vendor-error: Tencent's envelope with the fault's code, request not processed", async () => {
    fault({ kind: "vendor-error", code: 70169, message: "internal timeout" });
    const r = await importRaw("a");
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({
      ActionStatus: "FAIL",
      ErrorCode: 70169,
      ErrorInfo: "internal timeout",
    });
    expect(await imported("a")).toBe(false);
  });

  it("http-error: a 5xx HTML page, not processed", async () => {
    fault({ kind: "http-error", status: 502 });
    const r = await importRaw("a");
    expect(r.status).toBe(502);
    expect(r.headers.get("content-type")).toContain("text/html");
    expect(await imported("a")).toBe(false);
  });

  it("latency before and after: slower, still processed", async () => {
    fault({ kind: "latency", ms: 60 });
    fault({ kind: "latency", ms: 60, phase: "after" });
    const started = Date.now();
    ok((await (await importRaw("a")).json()) as Body);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(await imported("a")).toBe(true);
  });

  it("reset-before: connection reset, not processed; reset-after: reset, processed", async () => {
    fault({ kind: "reset-before" });
    await expect(importRaw("a")).rejects.toThrow();
    expect(await imported("a")).toBe(false);
    fault({ kind: "reset-after" });
    await expect(importRaw("b")).rejects.toThrow();
    expect(await imported("b")).toBe(true);
  });

  it("no-answer-before / no-answer-after: the client times out; only -after processed", async () => {
    fault({ kind: "no-answer-before" });
    await expect(importRaw("a", 150)).rejects.toThrow();
    expect(await imported("a")).toBe(false);
    fault({ kind: "no-answer-after" });
    await expect(importRaw("b", 150)).rejects.toThrow();
    expect(await imported("b")).toBe(true);
  });

  it("malformed: half of the real JSON, processed", async () => {
    fault({ kind: "malformed" });
    const r = await importRaw("a");
    expect(r.status).toBe(200);
    const body = await r.text();
    expect(() => JSON.parse(body)).toThrow();
    expect(body.startsWith('{"ActionStatus":"OK"')).toBe(true);
    expect(await imported("a")).toBe(true);
  });

  it("bodies over the cap: 93000 on message routes, 60003 elsewhere", async () => {
    await withTencent(
      {},
      async (tim) => {
        const big = { UserID: "a", Nick: "x".repeat(400) };
        expect((await tim.call("im_open_login_svc/account_import", big)).ErrorCode).toBe(60003);
        const msg = {
          To_Account: "a",
          MsgRandom: 1,
          MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: "x".repeat(400) } }],
        };
        expect((await tim.call("openim/sendmsg", msg)).ErrorCode).toBe(93000);
      },
      { maxBodyBytes: 256 },
    );
  });
});
