// webhookSources over HTTP against the Tencent emulator's ConfigSvc/GetIPList.
import type { ImError } from "@imgraph/core";
import { beforeEach, describe, expect, it } from "vitest";
import { emulatorWithAdapter, SDK_APP_ID } from "./testing/emulator.js";
import { isAddressOrRange } from "./webhook-sources.js";

const env = emulatorWithAdapter();

beforeEach(() => {
  env.emulator.reset();
});

/** Sets GetIPList's lists through the HTTP control API, as a test harness would. */
async function setIpLists(ipLists: Record<string, string[] | null>): Promise<void> {
  const res = await fetch(`${env.emulator.url}/__emulator/seed`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ app: SDK_APP_ID, ipLists }),
  });
  expect(res.status).toBe(200);
}

function calls() {
  return env.emulator.requests({ route: "v4/ConfigSvc/GetIPList" });
}

/** The nettype of every GetIPList request, sorted (the two calls run concurrently). */
function netTypesSent() {
  return calls()
    .map((r) => r.query.nettype)
    .sort();
}

async function failure(call: Promise<unknown>): Promise<ImError> {
  return call.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: ImError) => e,
  );
}

describe("webhookSources", () => {
  it("reads the emulator's default egress (loopback) with nettype 5 and 6, body {}", async () => {
    expect(await env.adapter.webhookSources()).toEqual(["127.0.0.1", "::1"]);
    expect(netTypesSent()).toEqual(["5", "6"]);
    for (const r of calls()) {
      expect(r.method).toBe("POST");
      expect(r.body).toBe("{}");
      expect(r.query.sdkappid).toBe(String(SDK_APP_ID));
    }
  });

  it("answers the union of both lists, in order, without repeats", async () => {
    await setIpLists({
      "5": ["183.192.202.0/25", "203.0.113.7"],
      "6": ["203.0.113.7", "2001:db8::/32", "198.51.100.1"],
      // Not callback egress: never asked for.
      "1": ["192.0.2.1"],
    });
    expect(await env.adapter.webhookSources()).toEqual([
      "183.192.202.0/25",
      "203.0.113.7",
      "2001:db8::/32",
      "198.51.100.1",
    ]);
    expect(netTypesSent()).toEqual(["5", "6"]);
  });

  it("takes one empty list, but refuses when neither lists an address", async () => {
    await setIpLists({ "5": [], "6": ["198.51.100.0/24"] });
    expect(await env.adapter.webhookSources()).toEqual(["198.51.100.0/24"]);
    await setIpLists({ "6": [] });
    expect(await failure(env.adapter.webhookSources())).toMatchObject({
      code: "VENDOR_UNAVAILABLE",
      vendor: "tencent",
      operation: "webhookSources",
      message: expect.stringContaining("no callback egress address"),
    });
  });

  it("fails the whole call on one malformed entry, naming it", async () => {
    await setIpLists({ "6": ["198.51.100.1", "198.51.100.0/33"] });
    const e = await failure(env.adapter.webhookSources());
    expect(e).toMatchObject({ code: "VENDOR_UNAVAILABLE", operation: "webhookSources" });
    expect(e.message).toContain('"198.51.100.0/33"');
    expect(e.message).toContain("nettype 6");
    await setIpLists({ "6": null, "5": ["tencent.example"] });
    expect((await failure(env.adapter.webhookSources())).message).toContain('"tencent.example"');
  });

  it("passes Tencent's refusals on, and repeats a read the vendor failed to answer", async () => {
    env.emulator.addFault({ route: "v4/ConfigSvc/GetIPList", kind: "vendor-error", code: 60010 });
    expect(await failure(env.adapter.webhookSources())).toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "60010",
    });
    env.emulator.clearFaults();
    env.emulator.clearRequests();
    env.emulator.addFault({ route: "v4/ConfigSvc/GetIPList", kind: "reset-after", times: 1 });
    expect(await env.adapter.webhookSources()).toEqual(["127.0.0.1", "::1"]);
    expect(calls()).toHaveLength(3);
  });
});

describe("isAddressOrRange", () => {
  it.each([
    "127.0.0.2",
    "183.192.202.0/25",
    "0.0.0.0/0",
    "10.0.0.0/32",
    "::1",
    "2001:db8::/32",
    "2001:DB8::1/128",
    "::ffff:192.0.2.1",
  ])("accepts %s", (entry) => {
    expect(isAddressOrRange(entry)).toBe(true);
  });

  it.each([
    "",
    " 127.0.0.1",
    "127.0.0.1 ",
    "127.0.0.256",
    "01.2.3.4",
    "1.2.3.4/",
    "1.2.3.4/33",
    "1.2.3.4/08",
    "1.2.3.4/-1",
    "1.2.3.4/24/8",
    "::1/129",
    "fe80::1%eth0",
    "183.192.202.0-183.192.202.127",
    "example.com",
    "*",
  ])("refuses %j", (entry) => {
    expect(isAddressOrRange(entry)).toBe(false);
  });

  it("refuses what is not a string", () => {
    for (const entry of [null, 1, ["1.2.3.4"], { ip: "1.2.3.4" }]) {
      expect(isAddressOrRange(entry)).toBe(false);
    }
  });
});
