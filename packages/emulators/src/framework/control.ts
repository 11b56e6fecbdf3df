/**
 * The control API under /__emulator/ (JSON in, JSON out). Every operation is also a method
 * of the object returned by start*Emulator; this file only maps HTTP onto those methods.
 */
import type { CallbackDelivery, CallbackFilter } from "./callbacks.js";
import { withoutUndefined } from "./defined.js";
import type { Fault, FaultSpec } from "./faults.js";
import type { RequestLogEntry, RequestLogFilter } from "./request-log.js";
import type { HttpOutcome, RawRequest } from "./server.js";
import { ControlError } from "./vendor.js";

export interface ClockChange {
  /** Replace the offset from real time, ms. */
  offsetMs?: number;
  /** Move time by this many ms (relative to the current emulated time). */
  advanceMs?: number;
  /** Jump to this absolute epoch-ms time. */
  now?: number;
  /** true: stop time (applied first, so `now` is then exact); false: let it run again. */
  frozen?: boolean;
}

/** Everything a test (or the control API) can do to a running emulator. */
export interface EmulatorControl {
  /** Forget state of every app (and reset log, faults, callbacks, counters, clock) or one app. */
  reset(app?: string): void;
  seed(data: unknown): unknown;
  requests(filter?: RequestLogFilter): RequestLogEntry[];
  clearRequests(): void;
  faults(): Fault[];
  addFault(spec: FaultSpec): Fault;
  removeFault(id: string): boolean;
  clearFaults(): void;
  now(): number;
  setClock(change: ClockChange): { now: number; offsetMs: number; frozen: boolean };
  setRateLimits(enabled: boolean): void;
  rateLimitsEnabled(): boolean;
  callbackDeliveries(filter?: CallbackFilter): CallbackDelivery[];
  clearCallbacks(): void;
  /** Wait for pending callbacks, skipping retry back-off waits. */
  flushCallbacks(): Promise<void>;
  /** Wait for pending callbacks, honouring back-off waits. */
  callbacksIdle(): Promise<void>;
  login(input: Record<string, unknown>): unknown;
  logout(input: Record<string, unknown>): unknown;
  state(app?: string): unknown;
  health(): Record<string, unknown>;
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };

function json(status: number, value: unknown): HttpOutcome {
  return { kind: "answer", status, headers: JSON_HEADERS, body: JSON.stringify(value) };
}

function parseBody(raw: RawRequest): Record<string, unknown> {
  if (raw.body.trim() === "") return {};
  const parsed: unknown = JSON.parse(raw.body);
  if (typeof parsed !== "object" || parsed === null)
    throw new TypeError("body must be a JSON object or array");
  return parsed as Record<string, unknown>;
}

function intParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === "") return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new TypeError(`${name} must be a number`);
  return n;
}

function strParam(q: URLSearchParams, name: string): string | undefined {
  return q.get(name) ?? undefined;
}

/** `GET requests?route&since&afterSeq&limit`; `app` is read by the caller. */
function requestFilter(q: URLSearchParams, app: string | undefined): RequestLogFilter {
  return withoutUndefined({
    route: strParam(q, "route"),
    app,
    since: intParam(q, "since"),
    afterSeq: intParam(q, "afterSeq"),
    limit: intParam(q, "limit"),
  });
}

/** `GET callbacks?kind&state&limit`; `app` is read by the caller. */
function callbackFilter(q: URLSearchParams, app: string | undefined): CallbackFilter {
  return withoutUndefined({
    kind: strParam(q, "kind"),
    app,
    state: strParam(q, "state") as CallbackDelivery["state"] | undefined,
    limit: intParam(q, "limit"),
  });
}

/** Build the HTTP handler for /__emulator/* over a control object. */
export function createControlHandler(
  control: EmulatorControl,
): (raw: RawRequest) => Promise<HttpOutcome> {
  return async (raw) => {
    const sub = raw.path.slice("/__emulator/".length).replace(/\/+$/, "");
    const route = `${raw.method} ${sub}`;
    try {
      const body = raw.method === "GET" || raw.method === "DELETE" ? {} : parseBody(raw);
      const app = typeof body.app === "string" ? body.app : strParam(raw.query, "app");
      switch (route) {
        case "GET health":
          return json(200, control.health());
        case "POST reset":
          control.reset(app);
          return json(200, { ok: true });
        case "POST seed":
          return json(200, { ok: true, result: await control.seed(body) });
        case "GET requests":
          return json(200, { requests: control.requests(requestFilter(raw.query, app)) });
        case "DELETE requests":
          control.clearRequests();
          return json(200, { ok: true });
        case "GET faults":
          return json(200, { faults: control.faults() });
        case "POST faults": {
          const specs = Array.isArray(body)
            ? body
            : Array.isArray(body.faults)
              ? body.faults
              : [body];
          const added = (specs as FaultSpec[]).map((s) => control.addFault(s));
          return json(200, { faults: added });
        }
        case "DELETE faults":
          control.clearFaults();
          return json(200, { ok: true });
        case "GET clock":
          return json(200, control.setClock({}));
        case "POST clock":
          return json(200, control.setClock(body as ClockChange));
        case "GET rate-limits":
          return json(200, { enabled: control.rateLimitsEnabled() });
        case "POST rate-limits":
          if (typeof body.enabled !== "boolean") throw new TypeError("enabled must be a boolean");
          control.setRateLimits(body.enabled);
          return json(200, { enabled: control.rateLimitsEnabled() });
        case "GET callbacks":
          return json(200, {
            callbacks: control.callbackDeliveries(callbackFilter(raw.query, app)),
          });
        case "DELETE callbacks":
          control.clearCallbacks();
          return json(200, { ok: true });
        case "POST callbacks/flush":
          await control.flushCallbacks();
          return json(200, { callbacks: control.callbackDeliveries() });
        case "POST clients/login":
          return json(200, { ok: true, result: await control.login(body) });
        case "POST clients/logout":
          return json(200, { ok: true, result: await control.logout(body) });
        case "GET state":
          return json(200, control.state(app) ?? null);
      }
      if (raw.method === "DELETE" && sub.startsWith("faults/")) {
        const removed = control.removeFault(decodeURIComponent(sub.slice("faults/".length)));
        return json(removed ? 200 : 404, removed ? { ok: true } : { error: "no such fault" });
      }
      return json(404, { error: `unknown control route: ${route}` });
    } catch (err) {
      if (err instanceof ControlError) return json(err.status, { error: err.message });
      return json(400, { error: (err as Error).message });
    }
  };
}
