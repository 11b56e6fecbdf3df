import { createHmac } from "node:crypto";
import { deflateSync } from "node:zlib";
import { generateUserSig } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { ADMIN, KEY, ok, SDK_APP_ID, useTencent } from "./test-support.js";

const fx = useTencent({
  apps: [
    { sdkAppId: SDK_APP_ID, key: KEY, admins: [ADMIN, "ops"] },
    // Same key, other app: lets a token pass the key check and fail on sdkappid (70014).
    { sdkAppId: 1400000001, key: KEY },
  ],
});
const CHECK = "im_open_login_svc/account_check";
const body = { CheckItem: [{ UserID: ADMIN }] };

/** A UserSig the way the official Python SDK builds it: other key order, spaces, same HMAC. */
function pythonStyleSig(userId: string, time: number, expire: number, key = KEY): string {
  const content = `TLS.identifier:${userId}\nTLS.sdkappid:${SDK_APP_ID}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
  const sig = createHmac("sha256", key).update(content).digest("base64");
  const json = `{"TLS.ver": "2.0", "TLS.identifier": "${userId}", "TLS.sdkappid": ${SDK_APP_ID}, "TLS.expire": ${expire}, "TLS.time": ${time}, "TLS.sig": "${sig}"}`;
  return deflateSync(Buffer.from(json), { level: 0 })
    .toString("base64")
    .replaceAll("+", "*")
    .replaceAll("/", "-")
    .replaceAll("=", "_");
}

describe("authentication (tencent.md §5 order)", () => {
  const code = async (query: Record<string, unknown>, path = CHECK) =>
    (await fx.tim.call(path, body, query)).ErrorCode as number;

  it("accepts the admin with a valid UserSig and answers the base envelope", async () => {
    const r = ok(await fx.tim.call(CHECK, body));
    expect(r).toMatchObject({ ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" });
    expect(r.ResultItem).toEqual([
      { UserID: ADMIN, ResultCode: 0, ResultInfo: "", AccountStatus: "Imported" },
    ]);
  });

  it("answers HTTP 200 with FAIL envelopes for every rejection", async () => {
    const r = await fx.tim.raw(CHECK, { body: "{}", query: { sdkappid: null } });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({
      ActionStatus: "FAIL",
      ErrorCode: 60012,
      ErrorInfo: expect.any(String),
    });
  });

  it("60009 for an unknown path, before anything else", async () => {
    expect(await code({ sdkappid: null }, "im_open_login_svc/nope")).toBe(60009);
    const r = await fx.tim.raw("x", { body: "{}" });
    expect(JSON.parse(r.text).ErrorCode).toBe(60009);
  });

  it("60012 without sdkappid, 60006 for an unknown or non-numeric one", async () => {
    expect(await code({ sdkappid: null })).toBe(60012);
    expect(await code({ sdkappid: 1400009999 })).toBe(60006);
    expect(await code({ sdkappid: "abc" })).toBe(60006);
  });

  it("70002 for an empty usersig, 70003 for an undecodable one", async () => {
    expect(await code({ usersig: "" })).toBe(70002);
    expect(await code({ usersig: null })).toBe(70002);
    expect(await code({ usersig: "not-a-usersig!" })).toBe(70003);
    const good = fx.tim.sig();
    expect(await code({ usersig: good.slice(0, good.length - 12) })).toBe(70003);
  });

  it("70009 when signed with another key", async () => {
    expect(await code({ usersig: fx.tim.sig(ADMIN, 86_400, fx.emu.now(), "another-key") })).toBe(
      70009,
    );
  });

  it("70013 when the token's identifier is not the identifier parameter", async () => {
    expect(await code({ identifier: "ops", usersig: fx.tim.sig(ADMIN) })).toBe(70013);
  });

  it("70014 when the token was issued for another SDKAppID", async () => {
    const other = fx.tim.sig(ADMIN, 86_400, fx.emu.now(), KEY, 1400000001);
    expect(await code({ usersig: other })).toBe(70014);
  });

  it("70001 once expired (now > time + expire), not before", async () => {
    const issued = fx.emu.now() - 100_000;
    expect(await code({ usersig: fx.tim.sig(ADMIN, 99, issued) })).toBe(70001);
    expect(await code({ usersig: fx.tim.sig(ADMIN, 200, issued) })).toBe(0);
  });

  it("a UserSig that verified earlier still expires on time", async () => {
    const sig = fx.tim.sig(ADMIN, 100);
    expect(await code({ usersig: sig })).toBe(0);
    fx.emu.setClock({ advanceMs: 99_000 });
    expect(await code({ usersig: sig })).toBe(0);
    fx.emu.setClock({ advanceMs: 2_000 });
    expect(await code({ usersig: sig })).toBe(70001);
  });

  it("60010 when the identifier is not an App admin", async () => {
    ok(await fx.tim.call("im_open_login_svc/account_import", { UserID: "bob" }));
    expect(await code({ identifier: "bob" })).toBe(60010);
    expect(await code({ identifier: "ops" })).toBe(0); // a second configured admin works
  });

  it("60004 when the identifier parameter is missing", async () => {
    expect(await code({ identifier: null, usersig: fx.tim.sig(ADMIN) })).toBe(60004);
  });

  it("accepts UserSigs from another generator (Python style) and the §1.7 Python vector", async () => {
    const now = Math.floor(fx.emu.now() / 1000);
    expect(await code({ usersig: pythonStyleSig(ADMIN, now, 86_400) })).toBe(0);
    expect(await code({ usersig: pythonStyleSig(ADMIN, now, 86_400, "wrong") })).toBe(70009);
    // Vector A (time 1700000000, 180 days): valid while the clock is inside its window.
    const vectorA =
      "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkElNyM-Myi0uKEkvyi2BKilOyEwsKMlOACgxNDKAAKpdaUZBZlAqSMTU1NUKIl2TmgkXN0dQXZ6aD7PFyrqpIzHOz8AsJiUgsNcnVNsqwLC8zT4-0yqv0yy7ONajINfRzjQg1MjexVaoFANTGNgc_";
    fx.emu.setClock({ now: 1_700_000_100_000 });
    expect(await code({ usersig: vectorA })).toBe(0);
    fx.emu.setClock({ now: (1_700_000_000 + 15_552_000 + 1) * 1000 });
    expect(await code({ usersig: vectorA })).toBe(70001);
  });

  it("accepts a UserSig carrying a userbuf (ignored by Chat REST)", async () => {
    const withBuf = generateUserSig({
      sdkAppId: SDK_APP_ID,
      key: KEY,
      userId: ADMIN,
      expireSeconds: 600,
      now: fx.emu.now(),
      userBuf: new Uint8Array([1, 2, 3]),
    });
    expect(await code({ usersig: withBuf })).toBe(0);
  });

  it("70052 for a UserSig issued before the identifier was kicked; a new one works", async () => {
    const old = fx.tim.sig("ops", 86_400, fx.emu.now() - 10_000);
    expect(await code({ identifier: "ops", usersig: old })).toBe(0);
    ok(await fx.tim.call("im_open_login_svc/kick", { UserID: "ops" }));
    expect(await code({ identifier: "ops", usersig: old })).toBe(70052);
    expect(await code({ identifier: "ops" })).toBe(0);
  });

  it("does not require random or contenttype (unverified: tolerant)", async () => {
    expect(await code({ random: null, contenttype: null })).toBe(0);
  });
});

describe("request body", () => {
  it("60003 for an empty, non-JSON or non-object body", async () => {
    for (const b of ["", "not json", "[1]", '"x"']) {
      const r = await fx.tim.raw(CHECK, { body: b });
      expect(r.status).toBe(200);
      expect(JSON.parse(r.text).ErrorCode).toBe(60003);
    }
  });

  it("60015 when an account field is not a string", async () => {
    const c = async (b: unknown) => (await fx.tim.call("openim/sendmsg", b)).ErrorCode;
    expect(await c({ To_Account: 123, MsgRandom: 1, MsgBody: [] })).toBe(60015);
    expect(await c({ From_Account: true, To_Account: "x", MsgRandom: 1 })).toBe(60015);
    expect((await fx.tim.call(CHECK, { CheckItem: [{ UserID: 7 }] })).ErrorCode).toBe(60015);
    expect(
      (
        await fx.tim.call("group_open_http_svc/delete_group_member", {
          GroupId: "g",
          MemberToDel_Account: [1],
        })
      ).ErrorCode,
    ).toBe(60015);
  });

  it("60002 for a method other than POST", async () => {
    const r = await fx.tim.raw(CHECK, { method: "GET" });
    expect(JSON.parse(r.text).ErrorCode).toBe(60002);
  });

  it("profile and sns answers carry ErrorDisplay, others do not", async () => {
    const p = await fx.tim.call("profile/portrait_get", {
      To_Account: [ADMIN],
      TagList: ["Tag_Profile_IM_Nick"],
    });
    expect(p).toHaveProperty("ErrorDisplay", "");
    expect(await fx.tim.call(CHECK, body)).not.toHaveProperty("ErrorDisplay");
  });
});
