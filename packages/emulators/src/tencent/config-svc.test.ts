// ConfigSvc/GetIPList over raw HTTP, from intl doc 1047/36742 (cn doc 269/45438).
import { describe, expect, it } from "vitest";
import { controlRequest } from "../testing/control.js";
import { ok, SDK_APP_ID, useTencent } from "./test-support.js";

const fx = useTencent();
const getIpList = (nettype?: string | number) =>
  fx.tim.call("ConfigSvc/GetIPList", {}, nettype === undefined ? {} : { nettype });
const control = (method: string, path: string, body?: unknown) =>
  controlRequest(fx.emu.url, method, path, body);

describe("ConfigSvc/GetIPList", () => {
  it("answers the documented envelope with loopback for every nettype by default", async () => {
    const r = ok(await getIpList(5));
    expect(r).toEqual({
      ActionStatus: "OK",
      ErrorCode: 0,
      ErrorInfo: "",
      IPList: ["127.0.0.1", "::1"],
    });
    for (const n of [0, 1, 2, 3, 4, 6]) {
      expect(ok(await getIpList(n)).IPList).toEqual(["127.0.0.1", "::1"]);
    }
    // nettype in the query, body {} (the documented sample).
    const [entry] = fx.emu.requests({ route: "v4/ConfigSvc/GetIPList", limit: 1 });
    expect(entry?.query.nettype).toBe("6");
    expect(entry?.body).toBe("{}");
  });

  it("treats a missing nettype as 0, all servers", async () => {
    await control("POST", "seed", { ipLists: { "1": ["198.51.100.1"], "5": ["203.0.113.0/24"] } });
    expect(ok(await getIpList()).IPList).toEqual(ok(await getIpList(0)).IPList);
    expect(ok(await getIpList()).IPList).toEqual([
      "198.51.100.1",
      "127.0.0.1",
      "::1",
      "203.0.113.0/24",
    ]);
  });

  it("refuses a nettype outside 0-6 with 70402 (public invalid-parameter code)", async () => {
    for (const bad of ["7", "-1", "5.0", "05", "five", "", " 5"]) {
      const r = await getIpList(bad);
      expect(r, bad).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 70402 });
      expect(r.IPList, bad).toBeUndefined();
    }
  });

  it("lets the control API set each nettype's list, restore it with null, and reset", async () => {
    const set = await control("POST", "seed", {
      app: SDK_APP_ID,
      ipLists: { "5": ["203.0.113.7", "198.51.100.0/25"], "6": ["2001:db8::/32"] },
    });
    expect(set.status).toBe(200);
    expect(set.body.result[0].ipLists["5"]).toEqual(["203.0.113.7", "198.51.100.0/25"]);
    expect(ok(await getIpList(5)).IPList).toEqual(["203.0.113.7", "198.51.100.0/25"]);
    expect(ok(await getIpList(6)).IPList).toEqual(["2001:db8::/32"]);
    expect(ok(await getIpList(3)).IPList).toEqual(["127.0.0.1", "::1"]);
    // 0 is the union unless set itself.
    expect(ok(await getIpList(0)).IPList).toEqual([
      "127.0.0.1",
      "::1",
      "203.0.113.7",
      "198.51.100.0/25",
      "2001:db8::/32",
    ]);
    await control("POST", "seed", { ipLists: { "0": ["192.0.2.1"] } });
    expect(ok(await getIpList(0)).IPList).toEqual(["192.0.2.1"]);
    // The state dump shows every list.
    const state = await control("GET", `state?app=${SDK_APP_ID}`);
    expect(state.body.ipLists["6"]).toEqual(["2001:db8::/32"]);
    // null restores one default; entries are not checked (tests inject bad answers so).
    await control("POST", "seed", { ipLists: { "5": null, "6": ["not-an-ip", ""] } });
    expect(ok(await getIpList(5)).IPList).toEqual(["127.0.0.1", "::1"]);
    expect(ok(await getIpList(6)).IPList).toEqual(["not-an-ip", ""]);
    expect((await control("POST", "reset", {})).status).toBe(200);
    expect(ok(await getIpList(6)).IPList).toEqual(["127.0.0.1", "::1"]);
  });

  it("refuses bad ipLists seed data with 400, changing nothing", async () => {
    for (const ipLists of [
      ["1.2.3.4"],
      "1.2.3.4",
      { "6": ["192.0.2.9"], "7": ["1.2.3.4"] },
      { "6": ["192.0.2.9"], x: [] },
      { "6": ["192.0.2.9"], "5": "1.2.3.4" },
      { "6": ["192.0.2.9"], "5": [1] },
    ]) {
      const r = await control("POST", "seed", { ipLists });
      expect(r.status, JSON.stringify(ipLists)).toBe(400);
    }
    expect(ok(await getIpList(6)).IPList).toEqual(["127.0.0.1", "::1"]);
  });

  it("authenticates like every REST command and counts 200 calls/s", async () => {
    expect((await fx.tim.call("ConfigSvc/GetIPList", {}, { usersig: "" })).ErrorCode).toBe(70002);
    const empty = await fx.tim.raw("ConfigSvc/GetIPList", { body: "" });
    expect(JSON.parse(empty.text).ErrorCode).toBe(60003);
    fx.emu.setRateLimits(true);
    fx.emu.setClock({ frozen: true });
    const answers = await Promise.all(Array.from({ length: 201 }, () => getIpList(5)));
    expect(answers.filter((a) => a.ErrorCode === 60007)).toHaveLength(1);
    fx.emu.setRateLimits(false);
  });
});
