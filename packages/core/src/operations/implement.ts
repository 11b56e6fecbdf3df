import type { CallOptions } from "../adapter.js";
import { UnsupportedByVendorError } from "../errors.js";
import type { Vendor } from "../model/app.js";
import {
  OPERATION_NAMES,
  OPERATIONS,
  type OperationInput,
  type OperationName,
  type OperationOutput,
} from "./table.js";

/** How an adapter runs one operation: its context, the neutral input, the call's options. */
export type Handler<Ctx, N extends OperationName> = (
  ctx: Ctx,
  input: OperationInput<N>,
  options?: CallOptions,
) => Promise<OperationOutput<N>> | OperationOutput<N>;

/** An operation the vendor cannot do, and why (shown to callers and in the support matrix). */
export interface Gap {
  readonly gap: string;
}

/** An operation the vendor can do only when the app's options allow it. */
export interface Conditional<Ctx, N extends OperationName> {
  /** What turns it on, as a reader of the config would say it ("options.broadcast: true"). */
  readonly condition: string;
  /** Why it is off, when it is (answered with UNSUPPORTED_BY_VENDOR). */
  readonly offReason: string;
  readonly enabled: (ctx: Ctx) => boolean;
  readonly run: Handler<Ctx, N>;
}

/** Core operations (capability null) must be implemented; the others may be a gap. */
export type Entry<Ctx, N extends OperationName> = (typeof OPERATIONS)[N]["capability"] extends null
  ? Handler<Ctx, N>
  : Handler<Ctx, N> | Gap | Conditional<Ctx, N>;

/**
 * An adapter's implementation of every operation: the compiler rejects a missing, extra or
 * misspelled operation (declare it with `satisfies Implementation<Ctx>`).
 */
export type Implementation<Ctx> = { readonly [N in OperationName]: Entry<Ctx, N> };

/**
 * Declares an adapter's implementation assembled from its area modules:
 * `exactImplementation<Ctx>()({ ...users, ...groups, deleteUsers: gap("…") })`. Keys that
 * come from a spread escape the excess-property check of `satisfies`, so this also rejects
 * any key outside OPERATION_NAMES: a missing, extra or misspelled operation (or a non-handler
 * export of an area module) stays a compile error. Returns the map unchanged.
 */
export function exactImplementation<Ctx>() {
  return <M extends Implementation<Ctx>>(
    map: M & { readonly [K in Exclude<keyof M, OperationName>]: never },
  ): M => map;
}

export const gap = (reason: string): Gap => ({ gap: reason });

/** Available when `enabled(ctx)`; otherwise a gap with `offReason`. */
export function when<Ctx, N extends OperationName>(
  condition: string,
  offReason: string,
  enabled: (ctx: Ctx) => boolean,
  run: Handler<Ctx, N>,
): Conditional<Ctx, N> {
  return { condition, offReason, enabled, run };
}

/** Whether an operation is available for one app, and if not, why. */
export interface OperationSupport {
  name: OperationName;
  supported: boolean;
  /** Why not (a declared gap or an option that is off); null when supported. */
  reason: string | null;
  /** The option that turns a conditional operation on; null otherwise. */
  condition: string | null;
}

/** The methods every adapter has, one per declared operation. */
export type OperationMethods = {
  readonly [N in OperationName]: (
    input: OperationInput<N>,
    options?: CallOptions,
  ) => Promise<OperationOutput<N>>;
};

type AnyEntry<Ctx> = Handler<Ctx, never> | Gap | Conditional<Ctx, never>;

function isGap(entry: unknown): entry is Gap {
  return typeof entry === "object" && entry !== null && "gap" in entry;
}
function isConditional<Ctx>(entry: unknown): entry is Conditional<Ctx, never> {
  return typeof entry === "object" && entry !== null && "enabled" in entry;
}

/** What an implementation declares for one operation, before any app's options are known. */
export interface DeclaredSupport {
  name: OperationName;
  /** A handler, a declared gap, or a handler an app option turns on. */
  kind: "implemented" | "gap" | "conditional";
  /** The gap's reason, or why a conditional operation may be off. */
  reason: string | null;
  condition: string | null;
}

/** The support matrix's column for one vendor. */
export function declaredSupport(implementation: Implementation<never>): DeclaredSupport[] {
  return OPERATION_NAMES.map((name) => {
    const entry = implementation[name] as AnyEntry<never>;
    if (isGap(entry)) return { name, kind: "gap", reason: entry.gap, condition: null };
    if (isConditional<never>(entry))
      return { name, kind: "conditional", reason: entry.offReason, condition: entry.condition };
    return { name, kind: "implemented", reason: null, condition: null };
  });
}

/** What each operation of an implementation does for one app (its context decided). */
export function supportOf<Ctx>(implementation: Implementation<Ctx>, ctx: Ctx): OperationSupport[] {
  return OPERATION_NAMES.map((name) => {
    const entry = implementation[name] as AnyEntry<Ctx>;
    if (isGap(entry)) return { name, supported: false, reason: entry.gap, condition: null };
    if (isConditional<Ctx>(entry)) {
      const on = entry.enabled(ctx);
      return {
        name,
        supported: on,
        reason: on ? null : entry.offReason,
        condition: entry.condition,
      };
    }
    return { name, supported: true, reason: null, condition: null };
  });
}

/**
 * Installs one method per declared operation on `target`: a gap (or a conditional
 * operation that is off) rejects with UNSUPPORTED_BY_VENDOR and its reason before any
 * vendor call; anything a handler throws, even synchronously, becomes a rejection.
 */
export function installOperations<Ctx>(
  target: object,
  vendor: Vendor,
  implementation: Implementation<Ctx>,
  ctx: Ctx,
): OperationSupport[] {
  const support = supportOf(implementation, ctx);
  for (const { name, supported, reason } of support) {
    const entry = implementation[name] as AnyEntry<Ctx>;
    const method = supported
      ? async (input: unknown, options?: CallOptions) => {
          const run = (isConditional<Ctx>(entry) ? entry.run : entry) as (
            c: Ctx,
            i: unknown,
            o?: CallOptions,
          ) => unknown;
          return run(ctx, input, options);
        }
      : async () => {
          throw new UnsupportedByVendorError(vendor, name, reason ?? undefined);
        };
    Object.defineProperty(target, name, { value: method, enumerable: false, writable: false });
  }
  return support;
}

export { OPERATIONS };
