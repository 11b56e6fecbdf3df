import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { gql } from "./helpers.js";

// The built CLI as a user runs it (turbo builds the gateway before its tests).
const CLI = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
});

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", IMGRAPH_CONFIG: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => out, errors: () => err };
}

type RongCloudEmulator = Awaited<
  ReturnType<typeof import("@imgraph/emulators").startRongCloudEmulator>
>;

/**
 * A RongCloud emulator with one app (its secret: `<appKey>-secret`), and a config file in a
 * fresh folder naming it as app "chat" with the secret read from `secretEnv`.
 */
async function withRongCloudApp(
  app: { appKey: string; secretEnv: string },
  body: (setup: { emu: RongCloudEmulator; dir: string; config: string }) => Promise<void>,
): Promise<void> {
  const { startRongCloudEmulator } = await import("@imgraph/emulators");
  const emu = await startRongCloudEmulator({
    rateLimits: false,
    apps: [{ appKey: app.appKey, appSecret: `${app.appKey}-secret` }],
  });
  const dir = mkdtempSync(join(tmpdir(), "imgraph-cli-"));
  const config = join(dir, "imgraph.config.json");
  const origins = [new URL(emu.url).origin];
  const entry = {
    id: "chat",
    vendor: "rongcloud",
    appKey: app.appKey,
    appSecretEnv: app.secretEnv,
  };
  writeFileSync(config, JSON.stringify({ apps: [{ ...entry, origins }] }));
  try {
    await body({ emu, dir, config });
  } finally {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function waitFor(check: () => string | undefined, ms: number): Promise<string> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out waiting");
}

describe.skipIf(!existsSync(CLI))("imgraph CLI", () => {
  it("demo: the banner comes last; logs are JSON off a terminal and readable with LOG_FORMAT=pretty", async () => {
    const banner = (text: string) => (text.includes("Try:  curl") ? text : undefined);
    const json = run(["demo"]);
    const plain = await waitFor(() => banner(json.output()), 15_000);
    const [logs, after] = plain.split("imgraph demo is ready") as [string, string];
    const lines = logs.split("\n").filter((l) => l.trim() !== "");
    expect(lines.length).toBeGreaterThan(0);
    // Production-style JSON when stdout is not a terminal…
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.some((l) => l.includes("imgraph gateway listening"))).toBe(true);
    // …and nothing logged after the banner.
    expect(after.split("\n").some((l) => l.startsWith("{"))).toBe(false);
    json.child.kill("SIGTERM");
    await json.exited;

    const readable = run(["demo"], { LOG_FORMAT: "pretty" });
    const text = await waitFor(() => banner(readable.output()), 15_000);
    const [prettyLogs] = text.split("imgraph demo is ready") as [string];
    const prettyLines = prettyLogs.split("\n").filter((l) => l.trim() !== "");
    expect(prettyLines.some((l) => /INFO.*imgraph gateway listening/.test(l))).toBe(true);
    for (const line of prettyLines) expect(line.startsWith("{")).toBe(false);
    readable.child.kill("SIGTERM");
    await readable.exited;
  }, 40_000);

  it("demo: starts, prints working credentials, and drains on SIGTERM", async () => {
    const p = run(["demo"]);
    const out = await waitFor(
      () => (p.output().includes("Demo user JWT") ? p.output() : undefined),
      15_000,
    );
    const url = /GraphQL \+ playground:\s+(\S+)/.exec(out)?.[1] as string;
    const key = /Demo admin API key:\s+(\S+)/.exec(out)?.[1] as string;
    const token = /Demo user JWT \(alice\):\s+(\S+)/.exec(out)?.[1] as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const asAdmin = await gql<{ users: Array<{ name: string }> }>(
      url,
      '{ users(ids: ["alice"]) { name } }',
      {},
      { "x-api-key": key },
    );
    expect(asAdmin.data?.users).toEqual([{ name: "Alice" }]);
    const asAlice = await gql<{ viewer: { userId: string } }>(
      url,
      "{ viewer { userId } }",
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(asAlice.data?.viewer.userId).toBe("alice");
    // The banner's app-bound token acts in its app only.
    const [, boundApp, bound] = /Demo user JWT \(alice, app (\S+) only\):\s+(\S+)/.exec(out) ?? [];
    expect(boundApp).toBe("tencent");
    const asBound = (query: string) =>
      gql<{ viewer: { userId: string; appId: string } }>(
        url,
        query,
        {},
        {
          authorization: `Bearer ${bound}`,
        },
      );
    expect((await asBound("{ viewer { userId appId } }")).data?.viewer).toEqual({
      userId: "alice",
      appId: "tencent",
    });
    expect((await asBound('{ users(app: "tencent", ids: ["alice"]) { id } }')).errors).toBe(
      undefined,
    );
    const elsewhere = await asBound('{ users(app: "rongcloud", ids: ["alice"]) { id } }');
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  });

  it("schema prints the SDL", async () => {
    const p = run(["schema"]);
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain("type Query");
  });

  it("check-config names the bad key and what is expected", async () => {
    const p = run(["check-config"], {
      IMGRAPH_CONFIG: fileURLToPath(new URL("./fixtures/bad.config.yaml", import.meta.url)),
    });
    expect(await p.exited).toBe(2);
    expect(p.errors()).toMatch(
      /apps\[0\]\.appSecret: secrets are read only from the environment or a file/,
    );
  });

  it("credential issues a client credential for a user from the configured app", async () => {
    await withRongCloudApp(
      { appKey: "clikey", secretEnv: "CLI_SECRET" },
      async ({ emu, config }) => {
        const p = run(["credential", "--user", "alice"], {
          IMGRAPH_CONFIG: config,
          CLI_SECRET: "clikey-secret",
        });
        expect(await p.exited, p.errors()).toBe(0);
        const credential = JSON.parse(p.output());
        expect(credential).toMatchObject({ vendor: "rongcloud", appId: "clikey", userId: "alice" });
        // The emulator accepts the token for a client login as alice.
        expect(() => emu.login({ userId: "alice", token: credential.token })).not.toThrow();
        expect(p.output()).not.toContain("clikey-secret");
      },
    );
  });

  it("import-users registers a JSON-lines file, prints progress lines off a terminal and a summary", async () => {
    await withRongCloudApp(
      { appKey: "impkey", secretEnv: "IMP_SECRET" },
      async ({ dir, config }) => {
        const file = join(dir, "users.jsonl");
        const users = Array.from({ length: 30 }, (_, i) =>
          JSON.stringify({ id: `imp${i}`, name: `I${i}` }),
        );
        writeFileSync(file, [...users, "oops"].join("\n"));
        const p = run(["import-users", "--file", file], {
          IMGRAPH_CONFIG: config,
          IMP_SECRET: "impkey-secret",
        });
        // One bad line: everything else imported, and the exit says not all was.
        expect(await p.exited, p.errors()).toBe(1);
        expect(JSON.parse(p.output())).toMatchObject({
          imported: 30,
          failed: 0,
          invalidLines: 1,
          problems: [{ line: 31, code: "BAD_LINE", message: "not JSON" }],
        });
        expect(p.errors()).toContain("30/30 users (100%)");
        expect(p.output() + p.errors()).not.toContain("impkey-secret");
      },
    );
  });

  it("credential --token mints a gateway JWT for a user, bound to one app with --app", async () => {
    const dir = mkdtempSync(join(tmpdir(), "imgraph-cli-"));
    const config = join(dir, "imgraph.config.json");
    const app = (id: string) => ({
      id,
      vendor: "rongcloud",
      appKey: `${id}key`,
      appSecretEnv: "CLI_SECRET",
    });
    writeFileSync(
      config,
      JSON.stringify({
        apps: [app("chat"), app("other")],
        auth: { jwt: { secretEnv: "CLI_JWT_SECRET", issuer: "cli-test", audience: "imgraph" } },
      }),
    );
    const env = {
      IMGRAPH_CONFIG: config,
      CLI_SECRET: "cli-secret",
      CLI_JWT_SECRET: "cli-jwt-secret-of-at-least-32-bytes!",
    };
    try {
      const p = run(
        ["credential", "--token", "--user", "alice", "--app", "chat", "--ttl", "600"],
        env,
      );
      expect(await p.exited, p.errors()).toBe(0);
      const minted = JSON.parse(p.output());
      expect(minted).toMatchObject({ tokenType: "Bearer", userId: "alice", app: "chat" });
      expect(Date.parse(minted.expiresAt) - Date.now()).toBeGreaterThan(590_000);
      expect(p.output()).not.toContain(env.CLI_JWT_SECRET);
      // The gateway configured by the same file takes it as alice, in app chat only.
      const { loadConfigFile } = await import("../src/config/load.js");
      const { Authenticator } = await import("../src/auth/authenticate.js");
      const { policy } = await import("../src/auth/policy.js");
      const auth = new Authenticator(loadConfigFile(config, env).auth);
      const viewer = await auth.authenticate({ authorization: `Bearer ${minted.token}` });
      expect(viewer).toMatchObject({ role: "USER", userId: "alice", appId: "chat" });
      expect(() => policy.authenticated(viewer, "chat")).not.toThrow();
      expect(() => policy.authenticated(viewer, "other")).toThrow(/token is for app chat/);

      // Without --app: any app. An unknown app, or a config without an HS256 secret: refused.
      const free = run(["credential", "--token", "--user", "bob"], env);
      const unknown = run(["credential", "--token", "--user", "alice", "--app", "nope"], env);
      const noSecret = run(["credential", "--token", "--user", "alice"], {
        IMGRAPH_CONFIG: fileURLToPath(new URL("./fixtures/good.config.yaml", import.meta.url)),
        RC_SECRET: "super-secret-value",
      });
      expect(await free.exited, free.errors()).toBe(0);
      const unbound = await auth.authenticate({
        authorization: `Bearer ${JSON.parse(free.output()).token}`,
      });
      expect(unbound).toMatchObject({ role: "USER", userId: "bob", appId: null });
      expect(await unknown.exited).toBe(2);
      expect(unknown.errors()).toMatch(/--app: one of the configured apps \(chat, other\)/);
      expect(await noSecret.exited).toBe(2);
      expect(noSecret.errors()).toMatch(/auth\.jwt\.secretEnv: an HS256 secret/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("check-config accepts a good config without printing secrets", async () => {
    const p = run(["check-config"], {
      IMGRAPH_CONFIG: fileURLToPath(new URL("./fixtures/good.config.yaml", import.meta.url)),
      RC_SECRET: "super-secret-value",
    });
    expect(await p.exited).toBe(0);
    expect(JSON.parse(p.output())).toMatchObject({
      ok: true,
      apps: [{ id: "chat", vendor: "rongcloud" }],
    });
    expect(p.output()).not.toContain("super-secret-value");
  });
});
