/**
 * Fault injection. A fault matches a route key (or "*" for every route) and changes how the
 * emulator answers. Some faults act BEFORE the vendor handler runs (the request never
 * reaches the emulated server state), others AFTER it ran (the state changed, the answer is
 * lost or damaged): a client must be tested against both to prove it never double-sends.
 */
export type FaultKind =
  | "latency"
  | "vendor-error"
  | "http-error"
  | "reset-before"
  | "reset-after"
  | "malformed"
  | "no-answer-before"
  | "no-answer-after";

export interface FaultSpec {
  /** Route key as the vendor emulator computes it (see its README), or "*" for all routes. */
  route: string;
  kind: FaultKind;
  /** latency: delay in ms. */
  ms?: number;
  /** latency: delay the handler ("before", default) or the answer after the handler ran ("after"). */
  phase?: "before" | "after";
  /** vendor-error: the vendor's business error code (the vendor emulator builds the envelope). */
  code?: number | string;
  /** vendor-error: HTTP status (vendor default if absent); http-error: 500-599 (default 503). */
  status?: number;
  /** vendor-error: message text; http-error: raw body text. */
  message?: string;
  /** Apply this many times, then the fault disappears. Absent = forever. */
  times?: number;
  /** Let the first N matching requests through untouched. */
  after?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  /** Matching requests seen so far (including skipped ones). */
  seen: number;
  /** Times applied so far. */
  applied: number;
}

const KINDS: ReadonlySet<string> = new Set<FaultKind>([
  "latency",
  "vendor-error",
  "http-error",
  "reset-before",
  "reset-after",
  "malformed",
  "no-answer-before",
  "no-answer-after",
]);

/** Throws a readable error on a spec the control API should refuse. */
export function validateFaultSpec(input: unknown): FaultSpec {
  if (typeof input !== "object" || input === null) throw new TypeError("fault must be an object");
  const f = input as Record<string, unknown>;
  if (typeof f.route !== "string" || f.route === "") throw new TypeError("fault.route is required");
  if (typeof f.kind !== "string" || !KINDS.has(f.kind)) {
    throw new TypeError(`fault.kind must be one of ${[...KINDS].join(", ")}`);
  }
  for (const key of ["ms", "status", "times", "after"] as const) {
    const v = f[key];
    if (v !== undefined && (typeof v !== "number" || !Number.isInteger(v) || v < 0)) {
      throw new TypeError(`fault.${key} must be a non-negative integer`);
    }
  }
  if (f.kind === "latency" && f.ms === undefined) throw new TypeError("latency fault needs ms");
  if (f.phase !== undefined && f.phase !== "before" && f.phase !== "after") {
    throw new TypeError('fault.phase must be "before" or "after"');
  }
  const status = f.status as number | undefined;
  if (f.kind === "http-error" && status !== undefined && (status < 500 || status > 599)) {
    throw new TypeError("http-error status must be 500-599");
  }
  if (f.kind === "vendor-error" && f.code === undefined)
    throw new TypeError("vendor-error needs code");
  return f as unknown as FaultSpec;
}

/** What applies to one request: all matching latencies plus at most one other fault. */
export interface FaultPlan {
  latencyBeforeMs: number;
  latencyAfterMs: number;
  fault?: Fault;
}

export class FaultStore {
  private faults: Fault[] = [];
  private counter = 0;

  add(spec: FaultSpec): Fault {
    const fault: Fault = {
      ...validateFaultSpec(spec),
      id: `f${++this.counter}`,
      seen: 0,
      applied: 0,
    };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * Decide the faults for one request and count it against every matching fault
   * (so `after`/`times` advance exactly once per request).
   */
  plan(routeKey: string): FaultPlan {
    const plan: FaultPlan = { latencyBeforeMs: 0, latencyAfterMs: 0 };
    if (this.faults.length === 0) return plan;
    for (const f of this.faults) {
      if (f.route !== "*" && f.route !== routeKey) continue;
      if (f.kind !== "latency" && plan.fault) continue; // one terminal fault per request
      f.seen++;
      if (f.seen <= (f.after ?? 0)) continue;
      f.applied++;
      if (f.kind === "latency") {
        if (f.phase === "after") plan.latencyAfterMs += f.ms ?? 0;
        else plan.latencyBeforeMs += f.ms ?? 0;
      } else {
        plan.fault = f;
      }
    }
    this.faults = this.faults.filter((f) => f.times === undefined || f.applied < f.times);
    return plan;
  }
}
