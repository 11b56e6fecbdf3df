/**
 * Puts the pieces together: one vendor emulator behind one HTTP server, with the request
 * log, faults, rate limits, clock and callbacks wired in, and the control API beside it.
 */
import { CallbackDispatcher, DEFAULT_RETRY, type RetryPolicy } from "./callbacks.js";
import { type Clock, createClock } from "./clock.js";
import { type ClockChange, createControlHandler, type EmulatorControl } from "./control.js";
import { definedFields } from "./defined.js";
import { type Fault, type FaultSpec, FaultStore } from "./faults.js";
import { JobQueue } from "./jobs.js";
import { RateLimiter } from "./rate-limit.js";
import { RequestLog, type RequestLogEntry } from "./request-log.js";
import { type HttpOutcome, type RawRequest, startEmulatorServer } from "./server.js";
import type { VendorAnswer, VendorEmulator, VendorFactory, VendorRequest } from "./vendor.js";
import { resolveTls, type TlsOption, validateLatencyMs } from "./wan-options.js";

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Request bodies above this are refused with the vendor's "too large" answer. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Faults installed at start. */
  faults?: FaultSpec[];
  /** false = rate limits off (can be switched later). Default true. */
  rateLimits?: boolean;
  /** Inject a clock (default: real time plus a settable offset). */
  clock?: Clock;
  /** Callback retry policy (the vendor may pass its documented default here). */
  callbackRetry?: Partial<RetryPolicy>;
  /** Ring-buffer size of the request log. Default 10,000. */
  requestLogCapacity?: number;
  /**
   * WAN-like mode: serve HTTPS. true = a self-signed certificate for localhost, 127.0.0.1,
   * ::1 and `host`, made at start (clients trust `running.certificate`). Default false.
   */
  tls?: TlsOption;
  /** WAN-like mode: delay before every vendor answer, i.e. added per round trip. Default 0. */
  latencyMs?: number;
}

/** The options every vendor's own options share with EmulatorOptions. */
export const SHARED_OPTIONS = [
  "port",
  "host",
  "faults",
  "rateLimits",
  "maxBodyBytes",
  "tls",
  "latencyMs",
] as const;

/** The shared options as a vendor's options interface declares them. */
export type SharedEmulatorOptions = Pick<EmulatorOptions, (typeof SHARED_OPTIONS)[number]>;

export interface RunningEmulator extends EmulatorControl {
  readonly vendor: string;
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** PEM certificate served in HTTPS mode (a client's `ca`); undefined over plain HTTP. */
  readonly certificate: string | undefined;
  close(): Promise<void>;
}

export async function startEmulator(
  factory: VendorFactory,
  options: EmulatorOptions = {},
): Promise<RunningEmulator> {
  // Checked before anything starts, so a bad value leaves nothing running.
  const latencyMs = validateLatencyMs(options.latencyMs);
  const tls = await resolveTls(options.tls, options.host);
  const clock = options.clock ?? createClock();
  const limits = new RateLimiter(options.rateLimits ?? true);
  const callbacks = new CallbackDispatcher(clock, { ...DEFAULT_RETRY, ...options.callbackRetry });
  const log = new RequestLog(options.requestLogCapacity ?? 10_000);
  const faults = new FaultStore();
  const installStartFaults = () => {
    for (const f of options.faults ?? []) faults.add(f);
  };
  installStartFaults();
  const jobs = new JobQueue();
  const vendor = factory({ clock, limits, callbacks, jobs });
  const startedAt = Date.now();

  const control: EmulatorControl = {
    reset(app) {
      vendor.reset(app);
      limits.reset(app);
      if (app !== undefined) return;
      jobs.cancelAll();
      log.clear();
      faults.clear();
      installStartFaults(); // back to the state right after start
      callbacks.clear();
      clock.unfreeze();
      clock.setOffset(0);
    },
    seed: (data) => vendor.seed(data),
    requests: (filter) => log.list(filter),
    clearRequests: () => log.clear(),
    faults: () => faults.list(),
    addFault: (spec) => faults.add(spec),
    removeFault: (id) => faults.remove(id),
    clearFaults: () => faults.clear(),
    now: () => clock.now(),
    setClock(change: ClockChange) {
      if (change.frozen === true) clock.freeze();
      if (change.offsetMs !== undefined) clock.setOffset(num(change.offsetMs, "offsetMs"));
      if (change.now !== undefined) clock.set(num(change.now, "now"));
      if (change.advanceMs !== undefined) clock.advance(num(change.advanceMs, "advanceMs"));
      if (change.frozen === false) clock.unfreeze();
      return { now: clock.now(), offsetMs: clock.offsetMs, frozen: clock.frozen };
    },
    setRateLimits(enabled) {
      limits.enabled = enabled;
    },
    rateLimitsEnabled: () => limits.enabled,
    callbackDeliveries: (filter) => callbacks.list(filter),
    clearCallbacks: () => callbacks.clear(),
    async flushCallbacks() {
      do {
        jobs.runAllNow();
        await callbacks.flush();
      } while (jobs.size > 0);
    },
    async callbacksIdle() {
      do {
        await jobs.idle();
        await callbacks.idle();
      } while (jobs.size > 0);
    },
    login: (input) => vendor.login(input),
    logout: (input) => vendor.logout(input),
    state: (app) => vendor.state(app),
    health: () => ({
      ok: true,
      vendor: vendor.vendor,
      now: clock.now(),
      uptimeMs: Date.now() - startedAt,
      requests: log.length,
      rateLimits: limits.enabled,
      tls: tls !== undefined,
      latencyMs,
    }),
  };

  const server = await startEmulatorServer({
    ...definedFields(options, ["port", "host", "maxBodyBytes"]),
    ...(tls ? { tls } : {}),
    handler: (raw) => handleVendorRequest(raw, vendor, faults, log, clock, latencyMs),
    control: createControlHandler(control),
  });

  return {
    ...control,
    vendor: vendor.vendor,
    url: server.url,
    port: server.port,
    host: server.host,
    certificate: tls?.cert,
    async close() {
      vendor.close?.();
      jobs.cancelAll();
      await server.close();
      await callbacks.close();
    },
  };
}

async function handleVendorRequest(
  raw: RawRequest,
  vendor: VendorEmulator,
  faults: FaultStore,
  log: RequestLog,
  clock: Clock,
  latencyMs: number,
): Promise<HttpOutcome> {
  const started = Date.now();
  const routeKey = vendor.routeKey(raw);
  const req: VendorRequest = {
    method: raw.method,
    path: raw.path,
    query: raw.query,
    headers: raw.headers,
    rawBody: raw.body,
    receivedAt: clock.now(),
    routeKey,
  };
  const entry = log.record({
    time: req.receivedAt,
    method: raw.method,
    path: raw.path,
    query: queryObject(raw.query),
    headers: raw.headers,
    body: raw.body,
    routeKey,
    outcome: "pending",
  });
  const finish = (outcome: HttpOutcome, fault?: Fault, answer?: VendorAnswer): HttpOutcome => {
    entry.durationMs = Date.now() - started;
    if (fault) entry.fault = fault.kind;
    if (answer?.app !== undefined) entry.app = answer.app;
    if (outcome.kind === "answer") {
      entry.outcome = "answered";
      entry.status = outcome.status;
      entry.responseBody = outcome.body;
    } else {
      entry.outcome = outcome.kind === "reset" ? "reset" : "no-answer";
    }
    return outcome;
  };
  const answerOf = (a: VendorAnswer): HttpOutcome => ({
    kind: "answer",
    status: a.status,
    ...(a.headers ? { headers: a.headers } : {}),
    body: a.body,
  });

  if (raw.tooLarge) {
    if (latencyMs > 0) await sleep(latencyMs);
    const a = vendor.bodyTooLarge(req);
    return finish(answerOf(a), undefined, a);
  }
  const plan = faults.plan(routeKey);
  const fault = plan.fault;
  // The WAN distance is paid like a latency fault before the handler, on every request.
  const delayMs = latencyMs + plan.latencyBeforeMs;
  if (delayMs > 0) await sleep(delayMs);

  // Faults applied BEFORE the vendor handler: the request never reaches the state.
  switch (fault?.kind) {
    case "vendor-error": {
      const a = vendor.faultAnswer(fault, req);
      return finish(answerOf(a), fault, a);
    }
    case "http-error": {
      const status = fault.status ?? 503;
      return finish(
        {
          kind: "answer",
          status,
          headers: { ...vendor.baseHeaders?.(req), "content-type": "text/html" },
          body: fault.message ?? `<html><body><h1>${status} Service Unavailable</h1></body></html>`,
        },
        fault,
      );
    }
    case "reset-before":
      return finish({ kind: "reset" }, fault);
    case "no-answer-before":
      return finish({ kind: "hold" }, fault);
  }

  const answer = await vendor.handle(req);
  if (plan.latencyAfterMs > 0) await sleep(plan.latencyAfterMs);

  // Faults applied AFTER the vendor handler: the state changed, the answer is lost or damaged.
  switch (fault?.kind) {
    case "reset-after":
      return finish({ kind: "reset" }, fault, answer);
    case "no-answer-after":
      return finish({ kind: "hold" }, fault, answer);
    case "malformed":
      return finish(
        {
          kind: "answer",
          status: 200,
          headers: { ...vendor.baseHeaders?.(req), ...answer.headers },
          // A strict prefix of a JSON object is never valid JSON.
          body: answer.body.slice(0, Math.max(1, Math.floor(answer.body.length / 2))),
        },
        fault,
        answer,
      );
  }
  return finish(answerOf(answer), fault, answer);
}

function queryObject(q: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of q) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function num(v: unknown, name: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new TypeError(`${name} must be a number`);
  return v;
}

export type { RequestLogEntry };
