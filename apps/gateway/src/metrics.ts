import type { AttemptInfo, RateEvent, RateShaper } from "@imgraph/core";
import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** Operation names a label may carry: a GraphQL name of up to 64 characters… */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** …without a run of digits that looks like an id (a user id, a phone number, a timestamp). */
const ID_LIKE = /[0-9]{6,}/;
/** Distinct operation names kept per gateway; later new names are "other". */
export const MAX_OPERATION_NAMES = 100;
const OPERATION_TYPES = new Set(["query", "mutation", "subscription"]);

/**
 * Label values from outside (client or vendor), bounded: the first `max` distinct values keep
 * their own label, later new ones are "other", so a metric's series stay few.
 */
class BoundedLabels {
  readonly #seen = new Set<string>();

  constructor(readonly max: number) {}

  label(value: string): string {
    if (this.#seen.has(value)) return value;
    if (this.#seen.size >= this.max) return "other";
    this.#seen.add(value);
    return value;
  }
}

/** A GraphQL operation type as a label: query, mutation, subscription or "unknown". */
export function operationTypeLabel(type: unknown): string {
  const value = String(type);
  return OPERATION_TYPES.has(value) ? value : "unknown";
}

/**
 * Client-chosen operation names, bounded: a name is itself, "anonymous" or "other" (metric
 * labels and span attributes share the rule).
 */
export class OperationNames {
  readonly #names = new BoundedLabels(MAX_OPERATION_NAMES);

  label(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (!OPERATION_NAME.test(name) || ID_LIKE.test(name)) return "other";
    return this.#names.label(name);
  }
}

/** A vendor's error code as a label: short letters, digits, dots, dashes; else "other". */
const VENDOR_CODE = /^[A-Za-z0-9_.-]{1,24}$/;
/** Distinct vendor codes kept per vendor; later new codes are "other". */
export const MAX_VENDOR_CODES = 200;

/** Vendor error codes, bounded per vendor like operation names. */
class VendorCodes {
  readonly #codes = new Map<string, BoundedLabels>();

  label(vendor: string, code: string | null): string {
    if (!code || !VENDOR_CODE.test(code)) return "other";
    let codes = this.#codes.get(vendor);
    if (!codes) {
      codes = new BoundedLabels(MAX_VENDOR_CODES);
      this.#codes.set(vendor, codes);
    }
    return codes.label(code);
  }
}

/**
 * How a subscription over graphql-ws went: started, refused (with why), completed, or
 * lagged (ended because its client fell too far behind; not also counted as completed).
 */
export type SubscriptionOutcome = "started" | "refused" | "completed" | "lagged";

/** How a webhook request ended, as the route tells it (a bounded set). */
export type WebhookReason =
  | "delivered"
  | "redelivered"
  | "bad_method"
  | "source_refused"
  | "unavailable"
  | "too_large"
  | "unauthenticated"
  | "malformed"
  | "signature_reused"
  | "decided"
  | "internal_error";

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The gateway's Prometheus metrics, in a registry of its own: GraphQL operations, vendor
 * calls, webhooks, subscriptions. Every label value is bounded: operation names the client
 * chose pass through `operationLabel`, the rest come from our code or the config.
 */
export class GatewayMetrics {
  readonly registry = new Registry();

  /** A counter of this registry. */
  #counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A histogram of this registry, its samples counted in `buckets`. */
  #histogram<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    buckets: number[],
  ): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
  }

  readonly #names = new OperationNames();
  readonly #operations = this.#counter(
    "imgraph_graphql_operations_total",
    "GraphQL operations over HTTP, by operation name, type and outcome.",
    ["operation", "type", "outcome"],
  );
  readonly #operationSeconds = this.#histogram(
    "imgraph_graphql_operation_duration_seconds",
    "Time to answer a GraphQL operation over HTTP.",
    ["operation", "type", "outcome"],
    SECONDS,
  );
  readonly #vendorCalls = this.#counter(
    "imgraph_vendor_calls_total",
    "Vendor API call attempts, by vendor, neutral operation and outcome.",
    ["vendor", "operation", "outcome"],
  );
  readonly #vendorSeconds = this.#histogram(
    "imgraph_vendor_call_duration_seconds",
    "Duration of one vendor API call attempt.",
    ["vendor", "operation"],
    SECONDS,
  );
  readonly #vendorRetries = this.#counter(
    "imgraph_vendor_call_retries_total",
    "Vendor API call attempts after the first (retries).",
    ["vendor", "operation"],
  );
  readonly #webhooks = this.#counter(
    "imgraph_webhooks_total",
    "Vendor callbacks, by app, accepted or rejected, and why.",
    ["app", "outcome", "reason"],
  );

  readonly #presence = this.#counter(
    "imgraph_presence_reports_total",
    "Vendor presence reports, by app: published as the user's presence, or folded (another device of the user's is still online, or the report is old news).",
    ["app", "outcome"],
  );

  readonly #vendorFailovers = this.#counter(
    "imgraph_vendor_failovers_total",
    "Vendor call retries sent to another host than the attempt before (failovers).",
    ["vendor"],
  );
  readonly #vendorCodes = new VendorCodes();
  readonly #vendorErrors = this.#counter(
    "imgraph_vendor_errors_total",
    "Vendor refusals, by vendor and the vendor's own error code (bounded; else other).",
    ["vendor", "code"],
  );
  readonly #subscriptions = this.#counter(
    "imgraph_subscriptions_total",
    "Subscriptions over graphql-ws: started, refused (with the error code), completed, or lagged (ended: the client fell realtime.maxBufferedEvents behind).",
    ["outcome", "code"],
  );
  readonly #eventWaits = this.#histogram(
    "imgraph_subscription_event_wait_seconds",
    "Time an event waited in a subscriber's buffer before the subscription took it (0 when it was waiting): how far subscribers lag.",
    [],
    [0, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
  );

  readonly #rateWaits = this.#histogram(
    "imgraph_vendor_rate_wait_seconds",
    "Time a vendor call waited for its rate-limit tokens (0 when it had them at once).",
    ["app", "vendor", "api"],
    [0, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  readonly #rateRefusals = this.#counter(
    "imgraph_vendor_rate_limited_total",
    "Vendor calls not sent: the rate limit allowed none within the request's deadline (RATE_LIMITED).",
    ["app", "vendor", "api"],
  );
  readonly #rateBackoffs = this.#counter(
    "imgraph_vendor_rate_backoffs_total",
    "Vendor rate-limit refusals met anyway: the API's buckets shrank (its limit changed upstream?).",
    ["app", "vendor", "api"],
  );
  readonly #rateUnshaped = this.#counter(
    "imgraph_vendor_rate_unshaped_total",
    "Vendor calls sent without shaping because the bucket store (Redis) failed.",
    ["app", "vendor"],
  );

  readonly #moderation = this.#counter(
    "imgraph_moderation_decisions_total",
    "Answers to vendors' pre-send callbacks, by app, action (ALLOW, BLOCK, REWRITE) and deciding rule.",
    ["app", "action", "rule"],
  );

  #listeners: () => number = () => 0;

  constructor() {
    const listeners = () => this.#listeners();
    new Gauge({
      name: "imgraph_subscription_listeners",
      help: "Event listeners of active subscriptions in this process (realtime pubsub).",
      registers: [this.registry],
      collect() {
        this.set(listeners());
      },
    });
  }

  /** Where the subscription gauge reads its value at each scrape. */
  countListeners(read: () => number): void {
    this.#listeners = read;
  }

  /** The label of a client-chosen operation name: itself, "anonymous" or "other". */
  operationLabel(name: string | null | undefined): string {
    return this.#names.label(name);
  }

  /** One GraphQL request over HTTP, from what the request log says about it. */
  graphql(meta: Record<string, unknown>, seconds: number): void {
    const labels = {
      operation: this.operationLabel(
        typeof meta.operationName === "string" ? meta.operationName : null,
      ),
      type: operationTypeLabel(meta.operationType),
      outcome: meta.outcome === "ok" ? "ok" : "error",
    };
    this.#operations.inc(labels);
    this.#operationSeconds.observe(labels, seconds);
  }

  /** One vendor call attempt (VendorClient's `onAttempt`). */
  vendorAttempt(attempt: AttemptInfo): void {
    const { vendor, operation } = attempt;
    this.#vendorCalls.inc({ vendor, operation, outcome: attempt.outcome });
    this.#vendorSeconds.observe({ vendor, operation }, attempt.durationMs / 1000);
    if (attempt.attempt > 1) this.#vendorRetries.inc({ vendor, operation });
    if (attempt.failover) this.#vendorFailovers.inc({ vendor });
    if (attempt.outcome === "vendor_error") {
      this.#vendorErrors.inc({ vendor, code: this.#vendorCodes.label(vendor, attempt.vendorCode) });
    }
  }

  /** One pre-send decision (rule names are our own, a fixed set). */
  moderation(app: string, action: string, rule: string): void {
    this.#moderation.inc({ app, action, rule });
  }

  /** What the rate shaper did for one vendor call. */
  rate(event: RateEvent): void {
    const labels = { app: event.app, vendor: event.vendor, api: event.api };
    if (event.outcome === "sent") this.#rateWaits.observe(labels, event.waitMs / 1000);
    else if (event.outcome === "refused") this.#rateRefusals.inc(labels);
    else if (event.outcome === "backoff") this.#rateBackoffs.inc(labels);
    else this.#rateUnshaped.inc({ app: event.app, vendor: event.vendor });
  }

  /**
   * How full each app's API buckets are (1 = the whole burst saved up, 0 = calls wait),
   * read at each scrape from the apps' shapers.
   */
  watchRateLimits(shapers: () => readonly RateShaper[]): void {
    new Gauge({
      name: "imgraph_vendor_rate_bucket_fill",
      help: "Share of a vendor API's rate-limit burst left, per app (as this instance last saw it).",
      labelNames: ["app", "vendor", "api"] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const shaper of shapers()) {
          for (const { api, fill } of shaper.levels()) {
            this.set({ app: shaper.app, vendor: shaper.vendor, api }, fill);
          }
        }
      },
    });
  }

  /** One subscription event over graphql-ws; `code` is the refusal's error code (bounded set). */
  subscription(outcome: SubscriptionOutcome, code = ""): void {
    this.#subscriptions.inc({ outcome, code });
  }

  /** How long one event waited for its subscriber (the realtime layer's stream observer). */
  eventWaited(seconds: number): void {
    this.#eventWaits.observe(seconds);
  }

  /**
   * Redis's health, read at each scrape (1 when the connections to Redis are ready): only
   * registered when the realtime layer runs on Redis.
   */
  watchRedis(ready: () => boolean): void {
    new Gauge({
      name: "imgraph_redis_up",
      help: "1 when the gateway's Redis connections (event fan-out, replay store) are ready, else 0.",
      registers: [this.registry],
      collect() {
        this.set(ready() ? 1 : 0);
      },
    });
  }

  /** One callback to a configured app. */
  webhook(app: string, reason: WebhookReason): void {
    const accepted = reason === "delivered" || reason === "redelivered" || reason === "decided";
    const outcome = accepted ? "accepted" : "rejected";
    this.#webhooks.inc({ app, outcome, reason });
  }

  /** One callback's presence reports: how many were published, how many folded away. */
  presence(app: string, published: number, folded: number): void {
    if (published > 0) this.#presence.inc({ app, outcome: "published" }, published);
    if (folded > 0) this.#presence.inc({ app, outcome: "folded" }, folded);
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
