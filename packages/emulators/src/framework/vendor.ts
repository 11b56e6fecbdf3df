/**
 * The contract between the framework and one vendor emulator (RongCloud, Tencent, ZEGO).
 * The framework owns HTTP, the request log, faults, rate-limit counters, the clock and
 * callback delivery; the vendor owns paths, authentication, envelopes and state.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { CallbackDispatcher } from "./callbacks.js";
import type { Clock } from "./clock.js";
import type { FaultSpec } from "./faults.js";
import type { JobQueue } from "./jobs.js";
import type { RateLimiter } from "./rate-limit.js";

/** A vendor request after the framework read it (body fully read, or over the size cap). */
export interface VendorRequest {
  method: string;
  /** Path without the query string, e.g. "/user/getToken.json". */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Body as UTF-8 text ("" when the body was over the cap: see bodyTooLarge). */
  rawBody: string;
  /** Emulated time when the request arrived, epoch ms. */
  receivedAt: number;
  /** The route key computed by the vendor's routeKey(). */
  routeKey: string;
}

/** A complete HTTP answer. `app` attributes the request to an app in the request log. */
export interface VendorAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string;
  app?: string;
}

/** Services the framework lends to a vendor emulator. */
export interface EmulatorContext {
  readonly clock: Clock;
  readonly limits: RateLimiter;
  readonly callbacks: CallbackDispatcher;
  /** Deferred server-side work; awaited by callbacksIdle() and run at once by flushCallbacks(). */
  readonly jobs: JobQueue;
}

/** Body of POST /__emulator/clients/login and /logout; vendors read the fields they need. */
export type ClientSessionInput = Record<string, unknown>;

export interface VendorEmulator {
  /** Short vendor id: "rongcloud", "tencent", "zego". */
  readonly vendor: string;
  /** Stable key used by faults, rate limits and the request log filters. */
  routeKey(req: { method: string; path: string; query: URLSearchParams }): string;
  /** Answer a vendor request (authentication, validation, state, envelope). */
  handle(req: VendorRequest): VendorAnswer | Promise<VendorAnswer>;
  /** Envelope for an injected "vendor-error" fault. */
  faultAnswer(fault: FaultSpec, req: VendorRequest): VendorAnswer;
  /** Answer for a body over the framework's size cap. */
  bodyTooLarge(req: VendorRequest): VendorAnswer;
  /** Headers to put on answers the framework makes itself (http-error, malformed). */
  baseHeaders?(req: VendorRequest): Record<string, string>;
  /** Forget state: every app, or one. */
  reset(app?: string): void;
  /** Load vendor-specific seed data; returns a summary for the caller. */
  seed(data: unknown): unknown;
  /** JSON-able dump of state (one app or all) for debugging. */
  state(app?: string): unknown;
  /** Simulate a client SDK login / logout (online state, callbacks). */
  login(input: ClientSessionInput): unknown;
  logout(input: ClientSessionInput): unknown;
  /** Stop vendor timers, if any. */
  close?(): void;
}

export type VendorFactory = (ctx: EmulatorContext) => VendorEmulator;

/** Thrown by vendor control hooks (seed/login/logout) to answer the control API with an error. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ControlError";
  }
}
