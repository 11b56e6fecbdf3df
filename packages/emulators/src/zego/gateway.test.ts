import { zegoSignature } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { findEmulator } from "../registry.js";
import { ZEGO_DEMO, zegoRegistration } from "./registration.js";
import {
  startTestEmulator,
  TEST_APP_ID,
  TEST_SECRET,
  useZego,
  zegoClient,
} from "./test-support.js";

const fx = useZego();

/** QueryUserOnlineState for the unknown "u1", signed by the docs' formula with this nonce and Timestamp. */
const signedQuery = (SignatureNonce: string, Timestamp: string) =>
  fx.zim.get(
    "QueryUserOnlineState",
    { UserId: ["u1"] },
    {
      common: {
        SignatureNonce,
        Timestamp,
        Signature: zegoSignature(TEST_APP_ID, SignatureNonce, TEST_SECRET, Timestamp),
      },
    },
  );

describe("gateway (zego.md §1.3-1.6, §6)", () => {
  it("answers the envelope with Code 0 and a RequestId on success", async () => {
    const res = await fx.zim.post("UserRegister", { UserInfo: [{ UserId: "u1" }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ Code: 0, Message: "success", ErrorList: [] });
    expect(res.body.RequestId).toMatch(/^\d+$/);
  });

  it.each([
    ["Action missing", { Action: undefined }, 100000006],
    ["Action empty", { Action: "" }, 100000006],
    ["AppId not a number", { AppId: "abc" }, 100000001],
    ["AppId missing", { AppId: undefined }, 100000001],
    ["AppId over uint32", { AppId: "4294967296" }, 100000001],
    ["AppId unknown", { AppId: "42" }, 100000010],
    ["Timestamp missing", { Timestamp: undefined }, 100000002],
    ["Timestamp malformed", { Timestamp: "12.5" }, 100000003],
    ["SignatureNonce missing", { SignatureNonce: undefined }, 100000008],
    ["Signature missing", { Signature: undefined }, 100000009],
    ["Signature wrong", { Signature: "0".repeat(32) }, 100000005],
    ["SignatureVersion missing", { SignatureVersion: undefined }, 100000013],
    ["SignatureVersion unsupported", { SignatureVersion: "1.0" }, 100000014],
  ])("%s → %i", async (_name, common, code) => {
    const res = await fx.zim.get("QueryUserOnlineState", { UserId: ["u1"] }, { common });
    expect(res.body.Code).toBe(code);
    expect(res.body.RequestId).toBeTruthy();
  });

  it("rejects unknown and undocumented Actions (DeleteUsers, QuitGroup) with 100000007", async () => {
    for (const action of ["DeleteUsers", "QuitGroup", "RecallPeerMessage", "NoSuchThing"]) {
      expect((await fx.zim.post(action, {})).body.Code).toBe(100000007);
    }
  });

  it("accepts a signature from the docs' formula with a decimal nonce", async () => {
    const ts = String(Math.floor(fx.emu.now() / 1000));
    const nonce = "12345678901234"; // the docs' own examples use 14 digits
    const res = await signedQuery(nonce, ts);
    expect(res.body.Code).toBe(660200001); // past the gateway: u1 is unknown
  });

  it("enforces the 10-minute window both ways on the emulator clock", async () => {
    const now = fx.emu.now();
    const at = (ms: number) =>
      fx.zim.get("QueryUserOnlineState", { UserId: ["u1"] }, { signAt: now + ms });
    expect((await at(-590_000)).body.Code).not.toBe(100000004);
    expect((await at(-615_000)).body.Code).toBe(100000004);
    expect((await at(590_000)).body.Code).not.toBe(100000004);
    expect((await at(615_000)).body.Code).toBe(100000004);
    // Moving the emulator clock makes a signature made "now" expire.
    const old = now;
    fx.emu.setClock({ advanceMs: 11 * 60_000 });
    expect(
      (await fx.zim.get("QueryUserOnlineState", { UserId: ["u1"] }, { signAt: old })).body.Code,
    ).toBe(100000004);
  });

  it("a millisecond Timestamp is far outside the window (100000004)", async () => {
    const ms = String(fx.emu.now());
    const nonce = "0011223344556677";
    const res = await signedQuery(nonce, ms);
    expect(res.body.Code).toBe(100000004);
  });

  it("answers 100000012 for a POST body that is not a JSON object", async () => {
    expect((await fx.zim.post("UserRegister", undefined, { rawBody: "{not json" })).body.Code).toBe(
      100000012,
    );
    expect((await fx.zim.post("UserRegister", undefined, { rawBody: "[1,2]" })).body.Code).toBe(
      100000012,
    );
  });

  it("answers 100000012 for a body over the size cap", async () => {
    const big = await startTestEmulator({ maxBodyBytes: 1000 });
    try {
      const res = await big.zim.post("UserRegister", {
        UserInfo: [{ UserId: "u1", UserName: "x".repeat(2000) }],
      });
      expect(res.body.Code).toBe(100000012);
    } finally {
      await big.emu.close();
    }
  });

  it("reads GET arrays written X[]=a&X[]=b", async () => {
    await fx.zim.post("UserRegister", { UserInfo: [{ UserId: "a" }, { UserId: "b" }] });
    await fx.emu.login({ userId: "a" });
    const res = await fx.zim.get("QueryUserOnlineState", { UserId: ["a", "b", "zz"] });
    expect(res.body.Result).toEqual([{ UserId: "a", Status: "Online" }]);
    expect(res.body.ErrorList).toEqual([
      { UserId: "b", SubCode: 660200001 },
      { UserId: "zz", SubCode: 660200001 },
    ]);
  });
});

describe("product by Host", () => {
  it("routes by zim-api / rtc-api Host and nests RTC results under Data", async () => {
    const rtc = await fx.zim.get(
      "DescribeUserNum",
      { RoomId: ["r1"] },
      { host: "rtc-api-sha.zego.im" },
    );
    expect(rtc.body).toMatchObject({
      Code: 0,
      Data: { UserCountList: [{ RoomId: "r1", UserCount: 0 }] },
    });
    // A ZIM Action on an RTC host does not exist there.
    expect(
      (await fx.zim.get("QueryUserOnlineState", { UserId: ["u1"] }, { host: "rtc-api.zego.im" }))
        .body.Code,
    ).toBe(100000007);
    expect(
      (await fx.zim.get("DescribeUserNum", { RoomId: ["r1"] }, { host: "zim-api.zego.im" })).body
        .Code,
    ).toBe(100000007);
    expect(
      (await fx.zim.get("QueryUserOnlineState", { UserId: ["u1"] }, { host: "docs-api.zego.im" }))
        .body.Code,
    ).toBe(100000000);
  });

  it("falls back to the Action's product on loopback, or to the configured product", async () => {
    expect((await fx.zim.get("DescribeUserNum", { RoomId: ["r1"] })).body.Data).toBeDefined();
    const only = await startTestEmulator({ product: "zim" });
    try {
      expect((await only.zim.get("DescribeUserNum", { RoomId: ["r1"] })).body.Code).toBe(100000007);
    } finally {
      await only.emu.close();
    }
  });

  it("logs route keys zim:<Action> and rtc:<Action>", async () => {
    await fx.zim.get("DescribeUserNum", { RoomId: ["r1"] });
    await fx.zim.post("UserRegister", { UserInfo: [{ UserId: "u1" }] });
    const keys = fx.emu.requests().map((r) => r.routeKey);
    expect(keys).toEqual(["rtc:DescribeUserNum", "zim:UserRegister"]);
    expect(fx.emu.requests()[1]?.app).toBe(String(TEST_APP_ID));
  });
});

describe("framework faults on ZEGO routes", () => {
  const register = () => fx.zim.post("UserRegister", { UserInfo: [{ UserId: "f1" }] });
  const registered = async () =>
    (await fx.zim.post("QueryUserInfos", { UserIds: ["f1"] })).body.Code === 0;

  it("vendor-error answers the ZEGO envelope with the fault's code, state untouched", async () => {
    fx.emu.addFault({ route: "zim:UserRegister", kind: "vendor-error", code: 660700001, times: 1 });
    const res = await register();
    expect(res.body).toMatchObject({ Code: 660700001 });
    expect(res.body.RequestId).toBeTruthy();
    expect(await registered()).toBe(false);
  });

  it("vendor-error on an RTC route uses the RTC envelope", async () => {
    fx.emu.addFault({ route: "rtc:CloseRoom", kind: "vendor-error", code: 206, status: 200 });
    const res = await fx.zim.get("CloseRoom", { RoomId: "r1" });
    expect(res.body.Code).toBe(206);
  });

  it("http-error answers an HTML 5xx", async () => {
    fx.emu.addFault({ route: "zim:UserRegister", kind: "http-error", status: 502, times: 1 });
    const signedUrl = await fetchStatus();
    expect(signedUrl).toBe(502);
  });

  it("reset-before loses the request; reset-after applies it", async () => {
    fx.emu.addFault({ route: "zim:UserRegister", kind: "reset-before", times: 1 });
    await expect(register()).rejects.toThrow();
    expect(await registered()).toBe(false);
    fx.emu.addFault({ route: "zim:UserRegister", kind: "reset-after", times: 1 });
    await expect(register()).rejects.toThrow();
    expect(await registered()).toBe(true);
  });

  it("no-answer-before / no-answer-after hold the request", async () => {
    const client = zegoClient({
      url: fx.emu.url,
      appId: TEST_APP_ID,
      serverSecret: TEST_SECRET,
      now: () => fx.emu.now(),
    });
    fx.emu.addFault({ route: "zim:UserRegister", kind: "no-answer-after", times: 1 });
    const held = Promise.race([
      client.post("UserRegister", { UserInfo: [{ UserId: "f1" }] }).then(() => "answered"),
      new Promise((r) => setTimeout(() => r("held"), 150)),
    ]);
    expect(await held).toBe("held");
    expect(await registered()).toBe(true);
    fx.emu.addFault({ route: "zim:QueryUserInfos", kind: "no-answer-before", times: 1 });
    const held2 = Promise.race([
      registered().then(() => "answered"),
      new Promise((r) => setTimeout(() => r("held"), 150)),
    ]);
    expect(await held2).toBe("held");
  });

  it("malformed answers half of the real body; latency delays", async () => {
    fx.emu.addFault({ route: "zim:UserRegister", kind: "malformed", times: 1 });
    await expect(register()).rejects.toThrow(SyntaxError);
    expect(await registered()).toBe(true);
    fx.emu.addFault({ route: "zim:QueryUserInfos", kind: "latency", ms: 120, times: 1 });
    const started = Date.now();
    expect(await registered()).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });
});

async function fetchStatus(): Promise<number> {
  try {
    await fx.zim.post("UserRegister", { UserInfo: [{ UserId: "f1" }] });
    return 200;
  } catch {
    const entry = fx.emu.requests({ route: "zim:UserRegister" }).at(-1);
    return entry?.status ?? 0;
  }
}

describe("app configuration", () => {
  it("answers 100000017 for a service the app does not have", async () => {
    const zimOnly = await startTestEmulator({}, { services: ["zim"] });
    try {
      expect((await zimOnly.zim.get("DescribeUserNum", { RoomId: ["r"] })).body.Code).toBe(
        100000017,
      );
      expect((await zimOnly.zim.get("QueryUserOnlineState", { UserId: ["u"] })).body.Code).toBe(
        660200001,
      );
    } finally {
      await zimOnly.emu.close();
    }
  });

  it("refuses a ZIM login whose UserName is over 256 bytes (50014)", () => {
    expect(() => fx.emu.login({ userId: "u", userName: "n".repeat(257) })).toThrow(/50014/);
  });

  it("starts from the registry with the demo credentials", async () => {
    const demo = await zegoRegistration.start({ port: 0 });
    try {
      const client = zegoClient({
        url: demo.url,
        appId: ZEGO_DEMO.appId,
        serverSecret: ZEGO_DEMO.serverSecret,
        now: () => demo.now(),
      });
      const res = await client.post("UserRegister", { UserInfo: [{ UserId: "demo" }] });
      expect(res.body.Code).toBe(0);
      expect(findEmulator("zego")).toBe(zegoRegistration);
    } finally {
      await demo.close();
    }
  });
});
