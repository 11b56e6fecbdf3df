import { afterEach, describe, expect, it } from "vitest";
import { type ToyState, toyVendor } from "../testing/toy-vendor.js";
import { generateCertificate } from "./certificate.js";
import { type RunningEmulator, startEmulator } from "./index.js";
import { resolveTls, validateLatencyMs } from "./wan-options.js";

describe("WAN-like options", () => {
  it("accepts latencies from 0 to a minute, and nothing else", () => {
    expect(validateLatencyMs(undefined)).toBe(0);
    expect(validateLatencyMs(0)).toBe(0);
    expect(validateLatencyMs(12.5)).toBe(12.5);
    for (const bad of [-1, Number.POSITIVE_INFINITY, 60_001, "5", null]) {
      expect(() => validateLatencyMs(bad)).toThrow(/latencyMs must be a number/);
    }
  });

  it("turns tls into a certificate and key, or plain HTTP", async () => {
    expect(await resolveTls(undefined)).toBeUndefined();
    expect(await resolveTls(false)).toBeUndefined();
    const made = await resolveTls(true);
    expect(made?.cert).toContain("BEGIN CERTIFICATE");
    expect(made?.key).toContain("PRIVATE KEY");
    await expect(resolveTls({ cert: made?.cert })).rejects.toThrow(/tls must be/);
    await expect(resolveTls(1)).rejects.toThrow(/tls must be/);
  });
});

describe("an emulator given its own certificate", () => {
  const state: ToyState = { counts: new Map(), online: new Set(), seeded: [] };
  let emu: RunningEmulator | undefined;
  afterEach(() => emu?.close());

  it("serves it, and names itself https", async () => {
    const tls = await generateCertificate("localhost");
    emu = await startEmulator(toyVendor(state), { host: "localhost", tls });
    expect(emu.url).toMatch(/^https:\/\/localhost:\d+$/);
    expect(emu.certificate).toBe(tls.cert);
  });

  it("reports plain HTTP when tls is off", async () => {
    emu = await startEmulator(toyVendor(state), { tls: false });
    expect(emu.url).toMatch(/^http:\/\//);
    expect(emu.certificate).toBeUndefined();
    expect(emu.health()).toMatchObject({ tls: false, latencyMs: 0 });
  });
});
