import { describe, expect, it } from "vitest";
import { parseArgs } from "./cli-args.js";
import { emulatorRegistry, findEmulator } from "./registry.js";
import { rcClient } from "./testing/rongcloud-client.js";

describe("CLI arguments", () => {
  it("parses --port, --host, --only and --help, in both spellings", () => {
    const defaults = {
      port: 0,
      host: "127.0.0.1",
      only: [],
      tls: false,
      latencyMs: 0,
      help: false,
    };
    expect(parseArgs([])).toEqual(defaults);
    // The flags given change their own fields and leave the rest at the defaults.
    expect(parseArgs(["--port", "4100", "--host=0.0.0.0", "--only", "rongcloud,zego"])).toEqual({
      ...defaults,
      port: 4100,
      host: "0.0.0.0",
      only: ["rongcloud", "zego"],
    });
    expect(parseArgs(["-h"]).help).toBe(true);
    expect(() => parseArgs(["--port", "70000"])).toThrow(/port/);
    expect(() => parseArgs(["--port"])).toThrow(/value/);
    expect(() => parseArgs(["--bogus"])).toThrow(/unknown/);
  });

  it("parses the WAN-like mode: --tls and --latency-ms", () => {
    expect(parseArgs(["--tls", "--latency-ms", "40"])).toMatchObject({ tls: true, latencyMs: 40 });
    expect(parseArgs(["--latency-ms=0"]).latencyMs).toBe(0);
    expect(() => parseArgs(["--latency-ms", "-3"])).toThrow(/--latency-ms must be/);
    expect(() => parseArgs(["--latency-ms", "ten"])).toThrow(/--latency-ms must be/);
    expect(() => parseArgs(["--latency-ms"])).toThrow(/value/);
    expect(() => parseArgs(["--tls=yes"])).toThrow(/no value/);
  });
});

describe("registry", () => {
  it("lists RongCloud with demo credentials that work against the started emulator", async () => {
    expect(emulatorRegistry.map((r) => r.vendor)).toContain("rongcloud");
    const reg = findEmulator("rongcloud");
    expect(reg?.demo.appKey).toBe("demorongcloud");
    const emu = await reg?.start({ port: 0, host: "127.0.0.1" });
    try {
      const rc = rcClient({
        url: emu?.url ?? "",
        appKey: reg?.demo.appKey ?? "",
        appSecret: reg?.demo.appSecret ?? "",
      });
      expect(
        (await rc.post("/user/getToken.json", { userId: "demo", name: "Demo" })).body.code,
      ).toBe(200);
      // demo apps have every separately sold service on
      expect((await rc.post("/user/profile/set.json", { userId: "demo" })).body.code).toBe(200);
    } finally {
      await emu?.close();
    }
  });
});
