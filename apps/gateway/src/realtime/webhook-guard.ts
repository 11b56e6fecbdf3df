import { X509Certificate } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { DetailedPeerCertificate, TLSSocket } from "node:tls";
import type { ImAdapter } from "@imgraph/core";
import type { Logger } from "pino";
import type { AppRegistry } from "../apps.js";
import { ConfigError } from "../config/errors.js";
import type { AppWebhookConfig, GatewayConfig } from "../config/types.js";
import { AddressRanges, sourceAddress } from "./addresses.js";
import { VendorSources } from "./vendor-sources.js";

/** Why a callback is refused before its signature is even read. */
export type GuardVerdict =
  | { ok: true }
  | { ok: false; status: 401 | 503; reason: string; source: string };

interface AppGuard {
  allowed: AddressRanges | null;
  vendor: VendorSources | null;
  clientCa: X509Certificate | null;
}

/**
 * What authenticates a callback besides the vendor's signature, per app: the source address
 * (configured ranges and the vendor's published list) and a client certificate from the
 * app's CA (on the mutual-TLS listener). Apps without a guard rely on the signature alone.
 */
export class WebhookGuard {
  readonly #apps = new Map<string, AppGuard>();
  readonly #trustedProxies: AddressRanges;

  constructor(
    apps: ReadonlyArray<{ adapter: ImAdapter; webhook: AppWebhookConfig | undefined }>,
    trustedProxies: readonly string[],
    log: Logger,
  ) {
    this.#trustedProxies = new AddressRanges(trustedProxies);
    for (const { adapter, webhook } of apps) {
      if (!webhook) continue;
      const guard: AppGuard = {
        allowed:
          webhook.allowedSources.length > 0 ? new AddressRanges(webhook.allowedSources) : null,
        vendor: webhook.vendorSources
          ? new VendorSources(adapter, webhook.vendorSourcesRefreshMinutes * 60_000, log)
          : null,
        clientCa: webhook.clientCa ? new X509Certificate(webhook.clientCa) : null,
      };
      if (guard.allowed || guard.vendor || guard.clientCa) this.#apps.set(adapter.info.id, guard);
    }
  }

  /** Reads every vendor list once (callbacks wait for nothing: until then they get 503). */
  start(): Promise<void> {
    return Promise.all([...this.#apps.values()].map((g) => g.vendor?.start())).then(() => {});
  }

  close(): void {
    for (const guard of this.#apps.values()) guard.vendor?.close();
  }

  check(appId: string, req: IncomingMessage): GuardVerdict {
    const guard = this.#apps.get(appId);
    // Unguarded apps (the usual case) pay nothing: the source is read only when needed.
    if (!guard) return { ok: true };
    const source = sourceAddress(req, this.#trustedProxies);
    if (guard.clientCa) {
      const problem = certificateProblem(req, guard.clientCa);
      if (problem) return { ok: false, status: 401, reason: problem, source };
    }
    if (guard.allowed || guard.vendor) {
      if (guard.allowed?.has(source)) return { ok: true };
      const vendorList = guard.vendor?.ranges;
      if (vendorList?.has(source)) return { ok: true };
      if (guard.vendor && !vendorList)
        return {
          ok: false,
          status: 503,
          reason: "the vendor's source address list is not loaded yet",
          source,
        };
      return { ok: false, status: 401, reason: "source address not allowed", source };
    }
    return { ok: true };
  }
}

/** Null when the connection presented a valid certificate issued by `ca`; else why not. */
function certificateProblem(req: IncomingMessage, ca: X509Certificate): string | null {
  const socket = req.socket as Partial<TLSSocket>;
  if (!socket.encrypted || !socket.getPeerCertificate)
    return "no client certificate (the app takes callbacks only on the TLS listener)";
  const leaf = socket.getPeerCertificate(true);
  if (!leaf || !leaf.raw) return "no client certificate";
  if (!socket.authorized) return `client certificate not trusted (${socket.authorizationError})`;
  // The listener trusts every app's CA; this app's callbacks must chain to its own: walk up
  // from the leaf, each link verified, until a certificate the CA itself issued.
  let cert = new X509Certificate(leaf.raw);
  let next: DetailedPeerCertificate | undefined = leaf.issuerCertificate;
  for (let depth = 0; depth < 8; depth++) {
    if (cert.fingerprint256 === ca.fingerprint256) break; // the CA itself is no client
    if (cert.checkIssued(ca) && cert.verify(ca.publicKey)) return null;
    if (!next?.raw || next.fingerprint256 === leaf.fingerprint256) break;
    const issuer = new X509Certificate(next.raw);
    if (!cert.checkIssued(issuer) || !cert.verify(issuer.publicKey)) break;
    cert = issuer;
    next = next.issuerCertificate === next ? undefined : next.issuerCertificate;
  }
  return "client certificate not issued by this app's CA";
}

/**
 * The per-app callback guard. A vendor whose signature covers only a time (any body can ride
 * on a captured one) must have a source list or a client certificate, or an explicit
 * acceptUnboundBodies: the gateway refuses to start otherwise.
 */
export function guardFromConfig(
  config: GatewayConfig,
  apps: AppRegistry,
  log: Logger,
): WebhookGuard {
  const entries = config.apps.map((app, i) => {
    const adapter = apps.get(app.id);
    const w = app.webhook;
    const path = `apps[${i}].webhook`;
    if (w?.vendorSources && !adapter.webhookSources)
      throw new ConfigError(
        `${path}.vendorSources`,
        `false: ${adapter.vendor} publishes no callback addresses through an API (list them in allowedSources)`,
      );
    const guarded = w && (w.allowedSources.length > 0 || w.vendorSources || w.clientCa);
    if (
      adapter.parseWebhook &&
      adapter.webhookSignatureScope === "time" &&
      !guarded &&
      !w?.acceptUnboundBodies
    )
      throw new ConfigError(
        path,
        `allowedSources, vendorSources or clientCaFile: ${adapter.vendor}'s callback signature covers only a time, so a captured callback URL would let anyone post other bodies (or set acceptUnboundBodies: true to take that risk)`,
      );
    return { adapter, webhook: w };
  });
  return new WebhookGuard(entries, config.realtime?.trustedProxies ?? [], log);
}
