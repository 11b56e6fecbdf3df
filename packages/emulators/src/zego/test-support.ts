/**
 * Raw-HTTP test client for the ZEGO emulator, built from the reference (zego.md §1.2-1.4):
 * signs with signZegoRequest, sends GET (arrays as `X[]=a&X[]=b`) or POST with a JSON body.
 * Used by the tests only; it never goes through an adapter.
 */
import { request } from "node:http";
import { signZegoRequest } from "@imgraph/signing";
import type { RunningEmulator } from "../framework/index.js";
import { useEmulatorPerFile } from "../testing/emulator-per-file.js";
import { type Late, resolveLate } from "../testing/late.js";
import { startZegoEmulator } from "./emulator.js";
import type { ZegoAppConfig, ZegoEmulatorOptions } from "./options.js";

export type QueryValue = string | number | boolean | readonly (string | number)[];

export interface ZegoAnswer {
  status: number;
  body: Record<string, unknown> & { Code: number; Message: string; RequestId: string };
  text: string;
}

export interface SendOptions {
  /** Replace or drop (undefined) common parameters after signing. */
  common?: Record<string, string | undefined>;
  /** Sign at this emulated time (ms) instead of the emulator's clock. */
  signAt?: number;
  /** Send this Host header (uses node:http: fetch does not let a caller set Host). */
  host?: string;
  /** Raw body text instead of JSON.stringify(body). */
  rawBody?: string;
}

export interface ZegoTestClient {
  get(
    action: string,
    params?: Record<string, QueryValue>,
    options?: SendOptions,
  ): Promise<ZegoAnswer>;
  post(action: string, body?: unknown, options?: SendOptions): Promise<ZegoAnswer>;
}

export function queryString(params: Record<string, QueryValue>): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) for (const item of v) q.append(`${k}[]`, String(item));
    else q.append(k, String(v));
  }
  return q;
}

export function zegoClient(opts: {
  url: string;
  appId: number;
  serverSecret: string;
  /** The emulator's clock, so signatures match its emulated time. */
  now: () => number;
}): ZegoTestClient {
  async function send(
    method: "GET" | "POST",
    action: string,
    params: Record<string, QueryValue>,
    body: string | undefined,
    o: SendOptions = {},
  ): Promise<ZegoAnswer> {
    const signed = signZegoRequest({
      appId: opts.appId,
      serverSecret: opts.serverSecret,
      now: o.signAt ?? opts.now(),
    });
    const common: Record<string, string | undefined> = { Action: action, ...signed, ...o.common };
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(common)) if (v !== undefined) q.append(k, v);
    for (const [k, v] of queryString(params)) q.append(k, v);
    const url = `${opts.url}/?${q}`;
    const headers: Record<string, string> =
      body !== undefined ? { "content-type": "application/json" } : {};
    let status: number;
    let text: string;
    if (o.host !== undefined) {
      ({ status, text } = await viaHttp(url, method, { ...headers, host: o.host }, body));
    } else {
      const res = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
      status = res.status;
      text = await res.text();
    }
    return { status, text, body: JSON.parse(text) as ZegoAnswer["body"] };
  }
  return {
    get: (action, params = {}, o) => send("GET", action, params, undefined, o),
    post: (action, body = {}, o) => send("POST", action, {}, o?.rawBody ?? JSON.stringify(body), o),
  };
}

function viaHttp(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** `n` distinct user ids: u0, u1, … */
export const ids = (n: number, prefix = "u") =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** Registers users with nothing but their ids (UserRegister); throws when the call fails. */
export async function registerUsers(zim: ZegoTestClient, ...userIds: string[]): Promise<void> {
  const res = await zim.post("UserRegister", { UserInfo: userIds.map((UserId) => ({ UserId })) });
  if (res.body.Code !== 0) throw new Error(`UserRegister failed: ${res.text}`);
}

/** A failure list as [UserId, SubCode] pairs, for comparing in order. */
export const subCodes = (list: unknown) =>
  (list as { UserId: string; SubCode: number }[]).map((e) => [e.UserId, e.SubCode]);

export const TEST_APP_ID = 1234567890;
export const TEST_SECRET = "fa94dd0f974cf2e293728a526b028271";

/** Start an emulator with one app and a client for it (rate limits off unless asked). */
export async function startTestEmulator(
  overrides: Partial<ZegoEmulatorOptions> = {},
  app: Partial<ZegoAppConfig> = {},
): Promise<{ emu: RunningEmulator; zim: ZegoTestClient }> {
  const emu = await startZegoEmulator({
    rateLimits: false,
    ...overrides,
    apps: overrides.apps ?? [{ appId: TEST_APP_ID, serverSecret: TEST_SECRET, ...app }],
  });
  const first = overrides.apps?.[0];
  const zim = zegoClient({
    url: emu.url,
    appId: first?.appId ?? TEST_APP_ID,
    serverSecret: first?.serverSecret ?? TEST_SECRET,
    now: () => emu.now(),
  });
  return { emu, zim };
}

export interface ZegoFixture {
  emu: RunningEmulator;
  zim: ZegoTestClient;
}

/**
 * One emulator per test file (started as {@link startTestEmulator} does), reset before
 * every test; a file's own beforeEach (seeding) runs after the reset.
 */
export function useZego(
  overrides: Late<Partial<ZegoEmulatorOptions>> = {},
  app: Late<Partial<ZegoAppConfig>> = {},
): ZegoFixture {
  return useEmulatorPerFile(() => startTestEmulator(resolveLate(overrides), resolveLate(app)));
}
