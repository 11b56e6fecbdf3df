import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { RONGCLOUD_REGIONS, type RongCloudRegion } from "@imgraph/adapter-rongcloud";
import { TENCENT_REGIONS, type TencentRegion } from "@imgraph/adapter-tencent";
import { type ZegoOrigins, type ZegoRegion, zegoOrigins } from "@imgraph/adapter-zego";
import { type ImError, isImError, type Vendor } from "@imgraph/core";
import { withSignal } from "./abortable.js";
import { AppRegistry } from "./apps.js";
import type { AppConfig, GatewayConfig } from "./config/types.js";

/**
 * `imgraph doctor`: for every configured app, resolve the vendor host its adapter calls
 * first, make one cheap signed read through the adapter (getUsers of an id no one uses:
 * every adapter implements it; NOT_FOUND means the vendor checked the signature and
 * answered) and give one verdict.
 */

export type Verdict = "ok" | "bad secret" | "unreachable" | "feature not enabled" | "failed";

export interface AppDiagnosis {
  appId: string;
  vendor: Vendor;
  /** The host (and port, when not the default) the adapter calls first. */
  host: string;
  verdict: Verdict;
  /** Why, for a failure: our own words or the adapter's error message, never a secret. */
  reason?: string;
  ms: number;
}

export interface DoctorOptions {
  /** Deadline per app, DNS and the read together (default 8 s). */
  timeoutMs?: number;
  /** The DNS lookup (tests); node:dns/promises `lookup` by default. */
  lookup?: (hostname: string) => Promise<unknown>;
}

/** The id the probe reads: no real user has it, so the answer is NOT_FOUND. */
export const PROBE_USER_ID = "imgraph-doctor-probe";

/**
 * Vendor codes that mean "the vendor refused our credentials" or "the product is not enabled
 * for this app", by vendor (from each adapter's errors.ts). An UNAUTHENTICATED error is a
 * bad secret whatever its code; UNSUPPORTED_BY_VENDOR is always a feature not enabled.
 */
export const VENDOR_CODE_VERDICTS: {
  readonly [V in Vendor]: { badSecret: readonly string[]; notEnabled: readonly string[] };
} = {
  rongcloud: {
    // 1001 app key/secret refused, 1004 signature refused, 401 an HTTP refusal with no code.
    badSecret: ["1001", "1004", "401"],
    // 1009 service not enabled for the app key.
    notEnabled: ["1009"],
  },
  tencent: {
    // 60004/60005 account or signature refused, 60006 unknown SDKAppID, 60010/70403 not an
    // App admin, 60012 and 70001-70020, 70052 UserSig refused, 70050 throttled after repeated
    // signature failures.
    badSecret: [
      "60004",
      "60005",
      "60006",
      "60010",
      "60012",
      "70403",
      "70050",
      "70052",
      ...Array.from({ length: 20 }, (_, i) => String(70001 + i)),
    ],
    // 60016 SDKAppID disabled, 60020 package expired or not yet effective, 10059 needs Pro.
    notEnabled: ["60016", "60020", "10059"],
  },
  zego: {
    // 3 authentication failed; 100000001 AppId, 100000004 signature expired (clock),
    // 100000005 signature, 100000010/100000011 no ServerSecret/configuration for the AppId.
    badSecret: ["3", "100000001", "100000004", "100000005", "100000010", "100000011"],
    // 100000016 not configured for production, 100000017 service not enabled,
    // 660000028 feature not on the app's plan.
    notEnabled: ["100000016", "100000017", "660000028"],
  },
};

/** The verdict for a failed probe: from the error's code and the vendor's code, never its text. */
export function classify(error: unknown): Exclude<Verdict, "ok"> {
  if (!isImError(error)) return isTimeout(error) ? "unreachable" : "failed";
  if (error.code === "UNAUTHENTICATED") return "bad secret";
  if (error.code === "UNSUPPORTED_BY_VENDOR") return "feature not enabled";
  if (error.code === "VENDOR_UNAVAILABLE") return "unreachable";
  const codes = error.vendor && error.vendorCode ? VENDOR_CODE_VERDICTS[error.vendor] : undefined;
  if (codes && error.vendorCode) {
    if (codes.badSecret.includes(error.vendorCode)) return "bad secret";
    if (codes.notEnabled.includes(error.vendorCode)) return "feature not enabled";
  }
  return "failed";
}

/** The origins the app's adapter calls for the probe (ZEGO: its ZIM product), primary first. */
export function probeOrigins(app: AppConfig): string[] {
  const o = app.options as {
    region?: string;
    backupRegion?: string;
    origins?: string[] | ZegoOrigins;
  };
  switch (app.vendor) {
    case "rongcloud":
      return (
        (o.origins as string[] | undefined) ?? [
          ...RONGCLOUD_REGIONS[(o.region ?? "cn") as RongCloudRegion],
        ]
      );
    case "tencent":
      return (
        (o.origins as string[] | undefined) ?? [
          ...TENCENT_REGIONS[(o.region ?? "cn") as TencentRegion],
        ]
      );
    case "zego":
      return (
        (o.origins as ZegoOrigins | undefined)?.zim ??
        zegoOrigins((o.region ?? "unified") as ZegoRegion, o.backupRegion as ZegoRegion | undefined)
          .zim
      );
  }
}

/** Diagnoses every configured app, concurrently; the answer is in config order. */
export async function runDoctor(
  config: GatewayConfig,
  options: DoctorOptions = {},
): Promise<AppDiagnosis[]> {
  const timeoutMs = options.timeoutMs ?? 8_000;
  const lookup = options.lookup ?? ((hostname: string) => dnsLookup(hostname));
  const apps = AppRegistry.fromConfig(config.apps, config.defaultApp, {
    ...(config.idSecret ? { idSecret: config.idSecret } : {}),
  });
  try {
    return await Promise.all(config.apps.map((app) => diagnose(app, apps, lookup, timeoutMs)));
  } finally {
    await apps.close();
  }
}

async function diagnose(
  app: AppConfig,
  apps: AppRegistry,
  lookup: (hostname: string) => Promise<unknown>,
  timeoutMs: number,
): Promise<AppDiagnosis> {
  const started = performance.now();
  const url = new URL(probeOrigins(app)[0] as string);
  const base = { appId: app.id, vendor: app.vendor, host: url.host };
  const done = (verdict: Verdict, reason?: string): AppDiagnosis => ({
    ...base,
    verdict,
    ...(reason ? { reason } : {}),
    ms: Math.round(performance.now() - started),
  });
  const signal = AbortSignal.timeout(timeoutMs);

  // 1. DNS, as the HTTP client would resolve it (IP literals need none).
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(hostname) === 0) {
    try {
      await withSignal(lookup(hostname), signal);
    } catch (error) {
      return done("unreachable", `DNS lookup of ${hostname} failed: ${dnsWhy(error)}`);
    }
  }

  // 2. One signed read. A NOT_FOUND item means the vendor verified the call and answered.
  try {
    const [item] = await withSignal(apps.get(app.id).getUsers([PROBE_USER_ID], { signal }), signal);
    if (!item || item.ok || item.error.code === "NOT_FOUND") return done("ok");
    return failure(item.error);
  } catch (error) {
    return failure(error);
  }

  function failure(error: unknown): AppDiagnosis {
    return done(classify(error), describe(error, timeoutMs));
  }
}

/** A short, secret-free reason: the ImError's message (ours, redacted) and the vendor code. */
function describe(error: unknown, timeoutMs: number): string {
  if (isTimeout(error)) return `no answer within ${timeoutMs / 1000} s`;
  if (isImError(error)) return withCode(error);
  return error instanceof Error ? `${error.name}` : "unexpected failure";
}

function withCode(error: ImError): string {
  const message = error.message.replace(/\.$/, "");
  return error.vendorCode && !message.includes(error.vendorCode)
    ? `${message} (vendor code ${error.vendorCode})`
    : message;
}

function dnsWhy(error: unknown): string {
  if (isTimeout(error)) return "no answer in time";
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" ? code : "lookup failed";
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

/** One line per app, then a summary: what `imgraph doctor` prints. */
export function formatDoctor(results: AppDiagnosis[]): string {
  const idWidth = Math.max(...results.map((r) => r.appId.length), 3);
  const lines = results.map((r) => {
    const head = `${r.verdict.padEnd(19)} ${r.appId.padEnd(idWidth)}  ${r.vendor} via ${r.host}`;
    return r.reason ? `${head}: ${r.reason}` : `${head} (${r.ms} ms)`;
  });
  const ok = results.filter((r) => r.verdict === "ok").length;
  lines.push(
    ok === results.length
      ? `all ${results.length} app${results.length === 1 ? "" : "s"} ok`
      : `${results.length - ok} of ${results.length} app${results.length === 1 ? "" : "s"} not ok`,
  );
  return lines.join("\n");
}
