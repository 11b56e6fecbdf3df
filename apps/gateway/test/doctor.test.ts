import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  RateLimitedError,
  UnauthenticatedError,
  UnsupportedByVendorError,
  VendorRejectedError,
  VendorUnavailableError,
} from "@imgraph/core";
import { emulatorRegistry, type RunningEmulator } from "@imgraph/emulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayConfig } from "../src/config/types.js";
import { validateConfig } from "../src/config/validate.js";
import { classify, formatDoctor, probeOrigins, runDoctor } from "../src/doctor.js";
import { BUILT_CLI, ensureBuilt } from "./built-cli.js";
import { sourcesOf } from "./config-helpers.js";

/** A wrong secret of each vendor's secret's length: it must never be printed. */
const CANARY = {
  rongcloud: "canary-rc-secret-0000",
  tencent: `canary-tc-key-${"0".repeat(50)}`,
  zego: "canarycanarycanarycanarycanary00",
};
const ENV = {
  RC_SECRET: "",
  TC_KEY: "",
  ZG_SECRET: "",
  RC_BAD: CANARY.rongcloud,
  TC_BAD: CANARY.tencent,
  ZG_BAD: CANARY.zego,
};

let emulators: Array<{ vendor: string; demo: Record<string, string>; running: RunningEmulator }>;
let closedOrigin: string;
let silent: Server;
let silentOrigin: string;
const held: Socket[] = [];

beforeAll(async () => {
  emulators = await Promise.all(
    emulatorRegistry.map(async (r) => ({
      vendor: r.vendor,
      demo: r.demo,
      running: await r.start({ host: "127.0.0.1", port: 0, callbackUrl: "http://127.0.0.1:9/" }),
    })),
  );
  const demo = (vendor: string) => emulatorOf(vendor)?.demo ?? {};
  ENV.RC_SECRET = demo("rongcloud").appSecret as string;
  ENV.TC_KEY = demo("tencent").key as string;
  ENV.ZG_SECRET = demo("zego").serverSecret as string;
  // A port nothing listens on: bound, then released.
  const probe = createServer();
  closedOrigin = await listenLocally(probe);
  await new Promise((r) => probe.close(r));
  // A port that accepts connections and never answers.
  silent = createServer((socket) => {
    held.push(socket);
  });
  silentOrigin = await listenLocally(silent);
});

afterAll(async () => {
  await Promise.all(emulators.map((e) => e.running.close()));
  for (const socket of held) socket.destroy();
  await new Promise((r) => silent.close(r));
});

/** Listens on a free local port; answers the server's origin. */
async function listenLocally(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const emulatorOf = (vendor: string) => emulators.find((e) => e.vendor === vendor);
const originOf = (vendor: string) => new URL(emulatorOf(vendor)?.running.url as string).origin;

/** One raw config app (as a config file says it) per vendor, secrets from the environment. */
function rawApp(
  vendor: "rongcloud" | "tencent" | "zego",
  id: string,
  origin?: string,
  bad = false,
) {
  const at = origin ?? originOf(vendor);
  const demo = emulatorOf(vendor)?.demo ?? {};
  switch (vendor) {
    case "rongcloud":
      return {
        id,
        vendor,
        appKey: demo.appKey,
        appSecretEnv: bad ? "RC_BAD" : "RC_SECRET",
        origins: [at],
      };
    case "tencent":
      return {
        id,
        vendor,
        sdkAppId: Number(demo.sdkAppId),
        keyEnv: bad ? "TC_BAD" : "TC_KEY",
        adminUserId: demo.admin,
        origins: [at],
      };
    case "zego":
      return {
        id,
        vendor,
        appId: Number(demo.appId),
        serverSecretEnv: bad ? "ZG_BAD" : "ZG_SECRET",
        origins: { zim: [at], rtc: [at] },
      };
  }
}

function configOf(apps: unknown[]): GatewayConfig {
  return validateConfig({ apps }, sourcesOf(ENV));
}

const VENDORS = ["rongcloud", "tencent", "zego"] as const;

function expectNoCanary(text: string) {
  for (const secret of Object.values(CANARY)) expect(text).not.toContain(secret);
  for (const secret of [ENV.RC_SECRET, ENV.TC_KEY, ENV.ZG_SECRET])
    expect(text).not.toContain(secret);
}

describe("imgraph doctor", () => {
  it("a good app of every vendor is ok, named with its vendor and host", async () => {
    const results = await runDoctor(configOf(VENDORS.map((v) => rawApp(v, `${v}-good`))));
    expect(results.map((r) => [r.appId, r.vendor, r.verdict, r.host])).toEqual(
      VENDORS.map((v) => [`${v}-good`, v, "ok", new URL(originOf(v)).host]),
    );
    expect(formatDoctor(results).split("\n").at(-1)).toBe("all 3 apps ok");
  });

  it("a wrong secret is a bad secret for every vendor, and the secret is never printed", async () => {
    const results = await runDoctor(
      configOf(VENDORS.map((v) => rawApp(v, `${v}-bad`, undefined, true))),
    );
    expect(results.map((r) => [r.appId, r.verdict])).toEqual(
      VENDORS.map((v) => [`${v}-bad`, "bad secret"]),
    );
    for (const r of results) expect(r.reason).toMatch(/secret|signature|usersig/i);
    const text = formatDoctor(results);
    for (const v of VENDORS)
      expect(text).toMatch(new RegExp(`^bad secret +${v}-bad +${v} via `, "m"));
    expectNoCanary(`${text}\n${JSON.stringify(results)}`);
  });

  it("an app pointed at a closed port is unreachable (connection refused)", async () => {
    const results = await runDoctor(
      configOf(VENDORS.map((v) => rawApp(v, `${v}-down`, closedOrigin))),
    );
    for (const r of results) {
      expect(r.verdict).toBe("unreachable");
      expect(r.reason).toMatch(/connection refused/);
      expect(r.host).toBe(new URL(closedOrigin).host);
    }
  });

  it("a vendor that never answers is unreachable within the deadline", async () => {
    const started = Date.now();
    const [r] = await runDoctor(configOf([rawApp("rongcloud", "stuck", silentOrigin)]), {
      timeoutMs: 500,
    });
    expect(r?.verdict).toBe("unreachable");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a host that does not resolve is unreachable, and IP literals are not looked up", async () => {
    const looked: string[] = [];
    const lookup = async (hostname: string) => {
      looked.push(hostname);
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    };
    const results = await runDoctor(
      configOf([
        rawApp("tencent", "nowhere", "https://im.doctor.invalid"),
        rawApp("tencent", "local", originOf("tencent")),
      ]),
      { lookup },
    );
    expect(looked).toEqual(["im.doctor.invalid"]);
    expect(results.map((r) => [r.appId, r.host, r.verdict, r.reason])).toEqual([
      [
        "nowhere",
        "im.doctor.invalid",
        "unreachable",
        "DNS lookup of im.doctor.invalid failed: ENOTFOUND",
      ],
      ["local", new URL(originOf("tencent")).host, "ok", undefined],
    ]);
  });

  it("the host is the one the adapter calls first: region defaults and origins overrides", () => {
    const host = (app: Record<string, unknown>) =>
      new URL(probeOrigins({ id: "x", vendor: app.vendor, options: app } as never)[0] as string)
        .host;
    expect(host({ vendor: "rongcloud" })).toBe("api.rong-api.com");
    expect(host({ vendor: "rongcloud", region: "sg" })).toBe("api.sg-light-api.com");
    expect(host({ vendor: "tencent" })).toBe("console.tim.qq.com");
    expect(host({ vendor: "tencent", region: "sgp" })).toBe("adminapisgp.im.qcloud.com");
    expect(host({ vendor: "zego" })).toBe("zim-api.zego.im");
    expect(host({ vendor: "zego", region: "sha" })).toBe("zim-api-sha.zego.im");
    expect(host({ vendor: "zego", origins: { zim: ["http://10.0.0.1:81"], rtc: [] } })).toBe(
      "10.0.0.1:81",
    );
  });

  it("verdicts come from the error code and the vendor's code", () => {
    const rejected = (vendor: "rongcloud" | "tencent" | "zego", code: string) =>
      classify(new VendorRejectedError(vendor, code, "refused."));
    expect(classify(new UnauthenticatedError())).toBe("bad secret");
    expect(rejected("rongcloud", "1004")).toBe("bad secret");
    expect(rejected("rongcloud", "401")).toBe("bad secret");
    expect(rejected("tencent", "70009")).toBe("bad secret");
    expect(rejected("tencent", "60006")).toBe("bad secret");
    expect(rejected("zego", "100000005")).toBe("bad secret");
    expect(classify(new UnsupportedByVendorError("zego", "getUsers"))).toBe("feature not enabled");
    expect(rejected("rongcloud", "1009")).toBe("feature not enabled");
    expect(rejected("tencent", "60020")).toBe("feature not enabled");
    expect(rejected("zego", "100000017")).toBe("feature not enabled");
    expect(classify(new VendorUnavailableError("tencent", "down."))).toBe("unreachable");
    expect(classify(new DOMException("late", "TimeoutError"))).toBe("unreachable");
    // A code of one vendor means nothing for another; anything unlisted is a plain failure.
    expect(rejected("zego", "1004")).toBe("failed");
    expect(rejected("rongcloud", "1007")).toBe("failed");
    expect(classify(new RateLimitedError("slow down."))).toBe("failed");
    expect(classify(new Error("boom"))).toBe("failed");
  });
});

describe("imgraph doctor (the CLI)", () => {
  beforeAll(() => ensureBuilt(), 120_000);

  function run(config: string) {
    const child = spawn(process.execPath, [BUILT_CLI, "doctor"], {
      env: { ...process.env, ...ENV, IMGRAPH_CONFIG: config },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
      child.on("exit", (code) => resolve({ code, out, err })),
    );
  }

  it("exits 0 when every app is ok, 1 otherwise, 2 on a bad config; one line per app, no secrets", async () => {
    const dir = mkdtempSync(join(tmpdir(), "imgraph-doctor-"));
    const write = (name: string, apps: unknown[]) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify({ apps }));
      return path;
    };
    try {
      const good = await run(
        write(
          "good.json",
          VENDORS.map((v) => rawApp(v, `${v}-good`)),
        ),
      );
      expect(good.code, good.err).toBe(0);
      const goodLines = good.out.trim().split("\n");
      expect(goodLines).toHaveLength(4);
      for (const v of VENDORS)
        expect(goodLines).toContainEqual(
          expect.stringMatching(
            new RegExp(`^ok +${v}-good +${v} via 127\\.0\\.0\\.1:\\d+ \\(\\d+ ms\\)$`),
          ),
        );
      expect(goodLines[3]).toBe("all 3 apps ok");

      const mixed = await run(
        write("mixed.json", [
          rawApp("rongcloud", "chat"),
          rawApp("tencent", "chat-wrong-key", undefined, true),
          rawApp("zego", "chat-down", closedOrigin),
        ]),
      );
      expect(mixed.code, mixed.err).toBe(1);
      const lines = mixed.out.trim().split("\n");
      expect(lines[0]).toMatch(/^ok +chat +rongcloud via /);
      expect(lines[1]).toMatch(
        /^bad secret +chat-wrong-key +tencent via 127\.0\.0\.1:\d+: Tencent rejected/,
      );
      expect(lines[2]).toMatch(
        /^unreachable +chat-down +zego via 127\.0\.0\.1:\d+: .*connection refused/,
      );
      expect(lines[3]).toBe("2 of 3 apps not ok");
      expectNoCanary(mixed.out + mixed.err);

      // A bad config: the same error check-config prints, exit 2.
      const bad = await run(
        write("bad.json", [{ ...rawApp("rongcloud", "chat"), appSecret: CANARY.rongcloud }]),
      );
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(
        /apps\[0\]\.appSecret: secrets are read only from the environment or a file/,
      );
      expectNoCanary(bad.out + bad.err);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
