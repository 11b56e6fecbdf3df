import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Pool } from "undici";
import { ImError, RateLimitedError, VendorUnavailableError } from "../errors.js";
import type { Vendor } from "../model/app.js";
import type { RateShaper } from "../rate/shaper.js";
import { callDeadline, deadlineOf } from "./deadline.js";
import { appendParams, encodeBody } from "./encode.js";
import { quoteLongIntegers } from "./exact-integers.js";
import { OriginRotation } from "./failover.js";
import { describeTransportError, provablyNotSent } from "./transport-error.js";
import type { AttemptInfo, Decoded, SignedParts, VendorRequest, VendorResponse } from "./types.js";

export interface VendorClientOptions {
  vendor: Vendor;
  /** Origins (scheme://host[:port]) in preference order: primary, then backups. */
  origins: readonly string[];
  /** Signs one attempt; called afresh for every attempt so no signature is ever reused. */
  sign: () => SignedParts;
  /** Turns a vendor's answer into a value or an ImError (success is the in-body code). */
  decode: (response: VendorResponse) => Decoded;
  /** Whole-call budget across attempts, unless a request gives its own. */
  deadlineMs?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Attempts per call, first included. */
  maxAttempts?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** How long a failed origin is avoided. */
  failoverCooldownMs?: number;
  /** Larger answers are cut off and treated as a vendor failure. */
  maxResponseBytes?: number;
  /** Connections per origin. */
  connections?: number;
  keepAliveTimeoutMs?: number;
  /** Closes a connection after this many requests (RongCloud asks for at most ~80). */
  maxRequestsPerConnection?: number;
  /** Header that carries the request id, or null when the vendor takes none. */
  requestIdHeader?: string | null;
  /** Called after every attempt, e.g. for logs and metrics. Carries no secrets. */
  onAttempt?: (info: AttemptInfo) => void;
  /**
   * Headers of the caller's context, read on every attempt in the caller's async context:
   * the gateway passes the W3C trace context (`traceparent`) on to the vendor this way.
   */
  contextHeaders?: () => Record<string, string>;
  /** Extra headers on every request (e.g. a User-Agent). */
  headers?: Record<string, string>;
  /** Keeps calls under the vendor's published limits: every attempt takes its tokens first. */
  shaper?: RateShaper;
}

interface AttemptFailure {
  error: ImError;
  /**
   * always: the request provably never reached the vendor, or the vendor refused before
   * acting; if-idempotent: it may have been applied; never: the vendor's final answer.
   */
  repeat: "always" | "if-idempotent" | "never";
  /** The origin looks unhealthy: prefer another next time. */
  originDown: boolean;
  retryAfterMs?: number;
}

const DEFAULTS = {
  deadlineMs: 10_000,
  connectTimeoutMs: 3_000,
  headersTimeoutMs: 8_000,
  bodyTimeoutMs: 8_000,
  maxAttempts: 3,
  retryBaseDelayMs: 100,
  retryMaxDelayMs: 2_000,
  failoverCooldownMs: 30_000,
  maxResponseBytes: 8 * 1024 * 1024,
  connections: 32,
  keepAliveTimeoutMs: 30_000,
};

/**
 * The one way adapters talk to a vendor: pooled keep-alive connections per origin, a
 * deadline per call, retries with jittered backoff only when repeating is safe, failover
 * from the primary to the backup origin, a fresh signature on every attempt, and the
 * vendor envelope decoded into a value or an ImError.
 */
export class VendorClient {
  readonly vendor: Vendor;
  readonly #options: VendorClientOptions & typeof DEFAULTS;
  readonly #rotation: OriginRotation;
  readonly #pools = new Map<string, Pool>();
  #closed = false;

  constructor(options: VendorClientOptions) {
    this.vendor = options.vendor;
    this.#options = { ...DEFAULTS, ...stripUndefined(options) } as VendorClientOptions &
      typeof DEFAULTS;
    this.#rotation = new OriginRotation(
      options.origins.map(normalizeOrigin),
      this.#options.failoverCooldownMs,
    );
  }

  get origins(): readonly string[] {
    return this.#rotation.origins;
  }

  /** Sends a request and answers the decoded value, or throws an ImError. */
  async call(request: VendorRequest): Promise<unknown> {
    if (this.#closed) {
      throw new VendorUnavailableError(this.vendor, "The vendor client is closed.", {
        operation: request.operation,
      });
    }
    const requestId = sanitizeRequestId(request.requestId);
    // The caller's own deadline (the GraphQL request's) bounds the call's, where it has one.
    const callerDeadline = deadlineOf(request.signal);
    const deadlineMs = Math.min(
      request.deadlineMs ?? this.#options.deadlineMs,
      callerDeadline === undefined
        ? Number.POSITIVE_INFINITY
        : Math.max(0, callerDeadline - Date.now()),
    );
    const deadline = Date.now() + deadlineMs;
    const { signal, release } = callDeadline(deadlineMs, request.signal);
    try {
      let lastOrigin: string | undefined;
      let failure: AttemptFailure | undefined;
      for (let attempt = 1; attempt <= this.#options.maxAttempts; attempt++) {
        await this.#takeTokens(request, deadline, signal, requestId);
        const origin = this.#rotation.pick(failure?.originDown ? lastOrigin : undefined);
        const failover = lastOrigin !== undefined && origin !== lastOrigin;
        lastOrigin = origin;
        const result = await this.#attempt(request, origin, attempt, requestId, signal, failover);
        if (!("error" in result)) {
          this.#rotation.markUp(origin);
          return result.value;
        }
        failure = result;
        if (failure.originDown) this.#rotation.markDown(origin);
        if (failure.error.code === "RATE_LIMITED") {
          await this.#options.shaper?.penalize(request, failure.retryAfterMs);
        }

        const mayRepeat =
          failure.repeat === "always" || (failure.repeat === "if-idempotent" && request.idempotent);
        if (!mayRepeat || attempt === this.#options.maxAttempts || signal.aborted) break;
        const delay = Math.max(this.#backoff(attempt), failure.retryAfterMs ?? 0);
        if (Date.now() + delay >= deadline) break;
        try {
          await sleep(delay, undefined, { signal });
        } catch {
          break;
        }
      }
      throw this.#finalError(request, failure, signal, requestId);
    } finally {
      release();
    }
  }

  /** Waits for the shaper's tokens; past the deadline, the deadline's own error. */
  async #takeTokens(
    request: VendorRequest,
    deadline: number,
    signal: AbortSignal,
    requestId: string,
  ): Promise<void> {
    const shaper = this.#options.shaper;
    if (!shaper) return;
    try {
      await shaper.acquire(request, deadline - Date.now(), signal);
    } catch (error) {
      if (error instanceof ImError) throw error;
      // The wait ran into the deadline (or the caller left): the vendor's limit is what held
      // the call, and nothing was sent, so the caller may retry.
      throw new RateLimitedError(
        `${this.vendor} ${request.operation}: the request's deadline passed while waiting for the vendor's rate limit.`,
        { vendor: this.vendor, operation: request.operation, requestId, retryAfter: 1 },
      );
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((p) => p.close().catch(() => undefined)));
  }

  async #attempt(
    request: VendorRequest,
    origin: string,
    attempt: number,
    requestId: string,
    signal: AbortSignal,
    failover: boolean,
  ): Promise<{ value: unknown } | AttemptFailure> {
    const started = performance.now();
    const report = (
      status: number | null,
      outcome: AttemptInfo["outcome"],
      vendorCode: string | null = null,
    ) =>
      this.#options.onAttempt?.({
        vendor: this.vendor,
        operation: request.operation,
        origin,
        path: request.path,
        attempt,
        status,
        durationMs: performance.now() - started,
        outcome,
        requestId,
        failover,
        vendorCode,
      });

    // A fresh signature per attempt: vendors may reject a replayed nonce or an old timestamp.
    const signed = this.#options.sign();
    const search = new URLSearchParams();
    appendParams(search, request.query);
    appendParams(search, signed.query);
    const query = search.toString();
    const { payload, contentType } = encodeBody(request.body);
    const headers: Record<string, string> = {
      accept: "application/json",
      ...this.#options.headers,
      ...this.#options.contextHeaders?.(),
      ...signed.headers,
    };
    if (contentType) headers["content-type"] = contentType;
    if (this.#options.requestIdHeader !== null) {
      headers[this.#options.requestIdHeader ?? "x-request-id"] = requestId;
    }

    let status: number;
    let responseHeaders: VendorResponse["headers"];
    let text: string;
    try {
      const response = await this.#pool(origin).request({
        method: request.method ?? "POST",
        path: query ? `${request.path}?${query}` : request.path,
        headers,
        body: payload,
        signal,
      });
      status = response.statusCode;
      responseHeaders = response.headers;
      text = await readCapped(response.body, this.#options.maxResponseBytes);
    } catch (error) {
      if (error instanceof ResponseTooLarge) {
        report(null, "malformed");
        return this.#unavailable(request, requestId, "answer too large", false, true);
      }
      report(null, "transport_error");
      const notSent = provablyNotSent(error);
      const why = signal.aborted ? "deadline exceeded" : describeTransportError(error);
      return this.#unavailable(request, requestId, why, notSent, true);
    }

    if (status >= 500) {
      report(status, "http_error");
      return this.#unavailable(
        request,
        requestId,
        `HTTP ${status}`,
        false,
        true,
        retryAfterMs(responseHeaders),
      );
    }
    let body: unknown;
    try {
      const exact = request.exactIntegerKeys;
      body =
        text.length > 0
          ? JSON.parse(exact && exact.length > 0 ? quoteLongIntegers(text, exact) : text)
          : undefined;
    } catch {
      report(status, "malformed");
      return this.#unavailable(request, requestId, "malformed answer", false, true);
    }
    if (body === undefined || body === null || typeof body !== "object") {
      report(status, "malformed");
      return this.#unavailable(request, requestId, "malformed answer", false, true);
    }

    const decoded = this.#options.decode({ status, headers: responseHeaders, body, origin });
    if (decoded.ok) {
      report(status, "ok");
      return { value: decoded.value };
    }
    report(status, "vendor_error", decoded.error.vendorCode ?? null);
    const headerRetry = retryAfterMs(responseHeaders);
    const retryAfter =
      headerRetry ??
      (decoded.error.retryAfter !== undefined ? decoded.error.retryAfter * 1000 : undefined);
    return {
      error: decoded.error,
      repeat:
        decoded.retry === "safe"
          ? "always"
          : decoded.retry === "transient"
            ? "if-idempotent"
            : "never",
      originDown: false,
      ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
    };
  }

  #unavailable(
    request: VendorRequest,
    requestId: string,
    why: string,
    notSent: boolean,
    originDown: boolean,
    retryAfter?: number,
  ): AttemptFailure {
    const maybeApplied = !notSent && !request.idempotent;
    const message = `${this.vendor} ${request.operation} failed: ${why}${
      maybeApplied ? " (the vendor may have applied it; not repeated)" : ""
    }.`;
    return {
      error: new VendorUnavailableError(this.vendor, message, {
        operation: request.operation,
        requestId,
        ...(retryAfter !== undefined ? { retryAfter: Math.ceil(retryAfter / 1000) } : {}),
      }),
      repeat: notSent ? "always" : "if-idempotent",
      originDown,
      ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
    };
  }

  #finalError(
    request: VendorRequest,
    failure: AttemptFailure | undefined,
    signal: AbortSignal,
    requestId: string,
  ): ImError {
    if (!failure) {
      return new VendorUnavailableError(
        this.vendor,
        `${this.vendor} ${request.operation} failed.`,
        {
          operation: request.operation,
          requestId,
        },
      );
    }
    // A vendor's own refusal (rate limit, rejection) is the answer; a transport failure
    // that ran into the deadline is reported as such.
    if (failure.error.code !== "VENDOR_UNAVAILABLE") return failure.error;
    if (signal.aborted && !failure.error.message.includes("deadline")) {
      return new VendorUnavailableError(
        this.vendor,
        `${this.vendor} ${request.operation} failed: deadline exceeded.`,
        { operation: request.operation, requestId },
      );
    }
    return failure.error;
  }

  #backoff(attempt: number): number {
    const cap = Math.min(
      this.#options.retryMaxDelayMs,
      this.#options.retryBaseDelayMs * 2 ** (attempt - 1),
    );
    // Full jitter: spreads retries of many callers so they don't arrive together.
    return Math.random() * cap;
  }

  #pool(origin: string): Pool {
    let pool = this.#pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.#options.connections,
        keepAliveTimeout: this.#options.keepAliveTimeoutMs,
        keepAliveMaxTimeout: this.#options.keepAliveTimeoutMs,
        headersTimeout: this.#options.headersTimeoutMs,
        bodyTimeout: this.#options.bodyTimeoutMs,
        connect: { timeout: this.#options.connectTimeoutMs },
        ...(this.#options.maxRequestsPerConnection
          ? { maxRequestsPerClient: this.#options.maxRequestsPerConnection }
          : {}),
      });
      this.#pools.set(origin, pool);
    }
    return pool;
  }
}

class ResponseTooLarge extends Error {}

async function readCapped(
  body: AsyncIterable<Uint8Array> & { destroy?: () => void },
  max: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > max) {
      body.destroy?.();
      throw new ResponseTooLarge();
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Retry-After in ms, from seconds or an HTTP date; undefined when absent or nonsense. */
export function retryAfterMs(headers: VendorResponse["headers"]): number | undefined {
  const raw = headers["retry-after"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Math.min(Number(value) * 1000, 3_600_000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.min(date - Date.now(), 3_600_000));
}

function normalizeOrigin(origin: string): string {
  const url = new URL(origin);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`vendor origin must be http(s): ${url.protocol}`);
  }
  return url.origin;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,36}$/;

/** Accepts a caller's id when it is short and plain (RongCloud takes ≤36 chars); else a new one. */
function sanitizeRequestId(id: string | undefined): string {
  return id && REQUEST_ID.test(id) ? id : randomUUID();
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
