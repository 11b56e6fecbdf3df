/**
 * Outgoing vendor callbacks (webhooks). Deliveries are fire-and-forget from the request
 * path; tests await them with idle() (wait) or flush() (also skip retry back-off waits).
 */
import type { Clock } from "./clock.js";

export interface RetryPolicy {
  /** Per-attempt timeout, ms. */
  timeoutMs: number;
  /** Extra attempts after the first one. */
  retries: number;
  /** Wait before retry i (0-based); the last value repeats. */
  backoffMs: number | readonly number[];
}

export interface CallbackRequest {
  /** Vendor-defined event name, e.g. "message-routing". */
  kind: string;
  app?: string;
  url: string;
  /** Extra query parameters appended to the URL (e.g. signatures). */
  query?: Record<string, string>;
  headers?: Record<string, string>;
  contentType: string;
  body: string;
  retry?: Partial<RetryPolicy>;
}

export interface CallbackAttempt {
  at: number;
  status?: number;
  error?: string;
  durationMs: number;
}

export interface CallbackDelivery {
  id: number;
  kind: string;
  app?: string;
  /** Final URL including the query parameters. */
  url: string;
  headers: Record<string, string>;
  contentType: string;
  body: string;
  createdAt: number;
  state: "pending" | "delivered" | "failed";
  attempts: CallbackAttempt[];
}

export interface CallbackFilter {
  kind?: string;
  app?: string;
  state?: CallbackDelivery["state"];
  limit?: number;
}

export const DEFAULT_RETRY: RetryPolicy = { timeoutMs: 5_000, retries: 2, backoffMs: 1_000 };

export class CallbackDispatcher {
  private readonly log: CallbackDelivery[] = [];
  private readonly inflight = new Set<Promise<void>>();
  private readonly waits = new Set<() => void>();
  private readonly aborts = new Set<AbortController>();
  private counter = 0;
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly policy: RetryPolicy = DEFAULT_RETRY,
    private readonly capacity = 1_000,
  ) {}

  /** Queue a delivery and return its log record immediately (state "pending"). */
  dispatch(req: CallbackRequest): CallbackDelivery {
    const url = new URL(req.url);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    const delivery: CallbackDelivery = {
      id: ++this.counter,
      kind: req.kind,
      ...(req.app !== undefined ? { app: req.app } : {}),
      url: url.toString(),
      headers: { ...req.headers, "content-type": req.contentType },
      contentType: req.contentType,
      body: req.body,
      createdAt: this.clock.now(),
      state: "pending",
      attempts: [],
    };
    this.log.push(delivery);
    if (this.log.length > this.capacity) this.log.splice(0, this.log.length - this.capacity);
    if (this.closed) {
      delivery.state = "failed";
      return delivery;
    }
    const policy = { ...this.policy, ...req.retry };
    const run = this.deliver(delivery, policy).finally(() => this.inflight.delete(run));
    this.inflight.add(run);
    return delivery;
  }

  private async deliver(d: CallbackDelivery, policy: RetryPolicy): Promise<void> {
    for (let attempt = 0; attempt <= policy.retries && !this.closed; attempt++) {
      if (attempt > 0) await this.wait(backoff(policy.backoffMs, attempt - 1));
      if (this.closed) break;
      const started = Date.now();
      const abort = new AbortController();
      this.aborts.add(abort);
      const timer = setTimeout(() => abort.abort(), policy.timeoutMs);
      try {
        const res = await fetch(d.url, {
          method: "POST",
          headers: d.headers,
          body: d.body,
          signal: abort.signal,
        });
        await res.arrayBuffer().catch(() => undefined); // drain so the socket can be reused
        d.attempts.push({
          at: this.clock.now(),
          status: res.status,
          durationMs: Date.now() - started,
        });
        if (res.status >= 200 && res.status < 300) {
          d.state = "delivered";
          return;
        }
      } catch (err) {
        const error = abort.signal.aborted ? "timeout" : (err as Error).message;
        d.attempts.push({ at: this.clock.now(), error, durationMs: Date.now() - started });
      } finally {
        clearTimeout(timer);
        this.aborts.delete(abort);
      }
    }
    d.state = "failed";
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waits.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waits.add(done);
    });
  }

  /** Resolves when no delivery is pending (including deliveries queued meanwhile). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** Skip every back-off wait (now and until idle) and wait for all deliveries to finish. */
  async flush(): Promise<void> {
    while (this.inflight.size > 0) {
      for (const done of [...this.waits]) done();
      await Promise.race([Promise.allSettled([...this.inflight]), tick()]);
    }
  }

  list(filter: CallbackFilter = {}): CallbackDelivery[] {
    const out = this.log.filter(
      (d) =>
        (filter.kind === undefined || d.kind === filter.kind) &&
        (filter.app === undefined || d.app === filter.app) &&
        (filter.state === undefined || d.state === filter.state),
    );
    return filter.limit !== undefined ? out.slice(-filter.limit || out.length) : out;
  }

  clear(): void {
    this.log.length = 0;
  }

  /** Stop retrying, abort in-flight requests and wait for them to settle. */
  async close(): Promise<void> {
    this.closed = true;
    for (const done of [...this.waits]) done();
    for (const a of [...this.aborts]) a.abort();
    await this.idle();
  }
}

function backoff(spec: number | readonly number[], i: number): number {
  if (typeof spec === "number") return spec;
  return spec[Math.min(i, spec.length - 1)] ?? 0;
}

function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}
