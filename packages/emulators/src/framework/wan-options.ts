/**
 * Checking the WAN-like options (`tls`, `latencyMs`) at start, so a typo fails loudly
 * instead of silently benchmarking loopback.
 */
import { generateCertificate, type TlsMaterial } from "./certificate.js";

export type TlsOption = boolean | { cert: string; key: string };

/** Longest accepted added latency: beyond a minute it is a unit mistake, not a distance. */
export const MAX_LATENCY_MS = 60_000;

export function validateLatencyMs(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_LATENCY_MS) {
    throw new TypeError(`latencyMs must be a number of milliseconds from 0 to ${MAX_LATENCY_MS}`);
  }
  return value;
}

/** The certificate and key to serve, or undefined for plain HTTP. */
export async function resolveTls(value: unknown, host?: string): Promise<TlsMaterial | undefined> {
  if (value === undefined || value === false) return undefined;
  if (value === true) return generateCertificate(host);
  if (typeof value === "object" && value !== null) {
    const { cert, key } = value as Record<string, unknown>;
    if (isPem(cert, "CERTIFICATE") && isPem(key, "PRIVATE KEY")) return { cert, key };
  }
  throw new TypeError(
    "tls must be true, false or { cert, key } with a PEM certificate and a PEM private key",
  );
}

function isPem(value: unknown, label: string): value is string {
  return typeof value === "string" && value.includes("-----BEGIN ") && value.includes(label);
}
