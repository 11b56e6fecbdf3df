/**
 * WAN-like mode on every registered vendor: HTTPS with a generated certificate that a
 * client trusts through `ca` (undici, as the gateway's VendorClient), and added latency.
 * Timings are lower bounds only: the machine is shared and noisy.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Pool } from "undici";
import { describe, expect, it } from "vitest";
import type { RunningEmulator } from "./framework/index.js";
import { emulatorRegistry } from "./registry.js";
import { signedRequest } from "./testing/signed-requests.js";

async function send(emu: RunningEmulator, vendor: string, pool: Pool) {
  const req = signedRequest(vendor, emu.now());
  const res = await pool.request({
    method: req.method,
    path: req.path,
    headers: req.headers,
    body: req.body,
  });
  const answer = (await res.body.json()) as Record<string, unknown>;
  return { status: res.statusCode, answer, succeeded: req.succeeded(answer) };
}

async function withEmulator<T>(
  start: () => Promise<RunningEmulator>,
  use: (emu: RunningEmulator) => Promise<T>,
): Promise<T> {
  const emu = await start();
  try {
    return await use(emu);
  } finally {
    await emu.close();
  }
}

describe.each(
  emulatorRegistry.map((r) => [r.vendor, r] as const),
)("%s WAN-like mode", (vendor, reg) => {
  it("serves HTTPS with a certificate the client trusts through ca", async () => {
    await withEmulator(
      () => reg.start({ tls: true }),
      async (emu) => {
        expect(emu.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        expect(emu.certificate).toContain("-----BEGIN CERTIFICATE-----");
        const pool = new Pool(emu.url, { connect: { ca: emu.certificate } });
        try {
          const r = await send(emu, vendor, pool);
          expect(r.status).toBe(200);
          expect(r.succeeded).toBe(true);
          expect(emu.health()).toMatchObject({ tls: true, latencyMs: 0 });
        } finally {
          await pool.close();
        }
      },
    );
  });

  it("is refused by a client that does not trust the certificate", async () => {
    await withEmulator(
      () => reg.start({ tls: true }),
      async (emu) => {
        const pool = new Pool(emu.url);
        try {
          await expect(send(emu, vendor, pool)).rejects.toMatchObject({
            code: expect.stringMatching(/SELF_SIGNED|CERT/),
          });
          expect(emu.requests()).toHaveLength(0); // the handshake failed: nothing reached it
        } finally {
          await pool.close();
        }
      },
    );
  });

  it("refuses bad option values with a clear error", async () => {
    for (const latencyMs of [-1, Number.NaN, 61_000, "100" as unknown as number]) {
      await expect(reg.start({ latencyMs })).rejects.toThrow(/latencyMs must be a number/);
    }
    for (const tls of ["yes", { cert: "x", key: "y" }, null] as unknown as boolean[]) {
      await expect(reg.start({ tls })).rejects.toThrow(
        /tls must be true, false or \{ cert, key \}/,
      );
    }
  });

  it("adds latencyMs before every answer", async () => {
    await withEmulator(
      () => reg.start({ latencyMs: 100 }),
      async (emu) => {
        const pool = new Pool(emu.url);
        try {
          const started = performance.now();
          const r = await send(emu, vendor, pool);
          const elapsed = performance.now() - started;
          expect(r.succeeded).toBe(true);
          // setTimeout never fires early; 2 ms of slack for clock rounding.
          expect(elapsed).toBeGreaterThanOrEqual(98);
          expect(emu.requests()[0]?.durationMs).toBeGreaterThanOrEqual(98);
        } finally {
          await pool.close();
        }
      },
    );
  });
});

describe("trusting the certificate without code (NODE_EXTRA_CA_CERTS)", () => {
  it("lets a plain undici client in another process reach the emulator", async () => {
    const reg = emulatorRegistry[0];
    if (!reg) throw new Error("no emulator registered");
    await withEmulator(
      () => reg.start({ tls: true }),
      async (emu) => {
        const dir = mkdtempSync(join(tmpdir(), "wan-ca-"));
        try {
          const caPath = join(dir, "ca.pem");
          writeFileSync(caPath, emu.certificate ?? "");
          const script = `import { request } from "undici";
            const res = await request(process.argv[1] + "/__emulator/health");
            console.log(res.statusCode);`;
          // Asynchronous: the emulator answers from this process's event loop.
          const child = await promisify(execFile)(
            process.execPath,
            ["--input-type=module", "-e", script, emu.url],
            {
              cwd: import.meta.dirname,
              env: { ...process.env, NODE_EXTRA_CA_CERTS: caPath },
              timeout: 20_000,
            },
          );
          expect(child.stdout.trim()).toBe("200");
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  });
});
