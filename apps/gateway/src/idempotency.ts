import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  BadUserInputError,
  checkId,
  IDEMPOTENCY_KEY,
  OPERATIONS,
  type OperationInput,
  type OperationName,
  type OperationOutput,
} from "@imgraph/core";
import type { GatewayContext } from "./context.js";
import { allow, callAllowed } from "./operations.js";

// Idempotent writes (operations declared `idempotent`: pushes and sendMessage): the caller's
// key makes a retried write answer the first write's result instead of calling the vendor
// again — across requests and, with Redis, across instances. The record lives in the replay
// store under `idem:<app>:<key>` (an end user's: `idem:<app>:<key>\n<userId>`) with a
// fingerprint of the operation and its input, so the same key with
// another write is refused rather than silently answered with the wrong result (a vendor
// that dedups by the key, as Tencent's pushes do, would answer the first one's task).

/** How long a key answers with its first result (the vendors' own dedup is 1–7 days). */
export const IDEMPOTENCY_KEEP_MS = 24 * 3600_000;
/** A claim whose instance died mid-call frees the key after this (beyond any deadline). */
const PENDING_MS = 120_000;
/** How often a repeat polls while the first write with its key is still running. */
const POLL_MS = 25;

type IdempotentInput = { idempotencyKey?: string | null };

/** A write's answer, and whether it is the answer of an earlier write with the same key. */
export interface OnceResult<O> {
  output: O;
  repeated: boolean;
}

/** A stable digest of the input without its key (object keys sorted at every level). */
export function fingerprint(input: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k, v]) => k !== "idempotencyKey" && v !== undefined && v !== null)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => [k, canonical(v)]),
      );
    }
    return value;
  };
  return createHash("sha256")
    .update(JSON.stringify(canonical(input)))
    .digest("hex")
    .slice(0, 32);
}

/**
 * Runs an idempotent operation: without a key, as any other; with one, at most once per
 * key and input. Access is checked first, so a caller learns nothing of a key it may not use.
 */
export async function idempotent<N extends OperationName>(
  ctx: GatewayContext,
  app: string | null | undefined,
  name: N,
  input: OperationInput<N> & IdempotentInput,
  /** Rebuilds a stored answer (its JSON) where JSON loses something (dates, errors). */
  revive: (stored: unknown) => OperationOutput<N> = (stored) => stored as OperationOutput<N>,
): Promise<OnceResult<OperationOutput<N>>> {
  if (!OPERATIONS[name].idempotent) throw new TypeError(`${name} is not declared idempotent`);
  const adapter = await allow(ctx, app, name, input);
  const key = input.idempotencyKey;
  if (key === undefined || key === null) {
    return { output: await callAllowed(ctx, adapter, name, input), repeated: false };
  }
  // The adapter checks the key's form too; checking here keeps a bad key out of storage keys.
  checkId("idempotencyKey", key, IDEMPOTENCY_KEY);
  const store = ctx.apps.idempotency;
  // An end user's keys are theirs alone: another user's key can neither answer nor block theirs.
  const viewer = ctx.viewer;
  const owner = viewer.role === "USER" ? `\n${viewer.userId}` : "";
  const record = `idem:${adapter.info.id}:${key}${owner}`;
  const print = fingerprint({ operation: name, input });
  for (;;) {
    const outcome = await store.claim(record, print, PENDING_MS);
    if (outcome === "claimed") break;
    if (outcome === "conflict") {
      throw new BadUserInputError(
        "idempotencyKey",
        "This idempotencyKey was used in the last 24 hours for a different request; use a new key for a new one.",
      );
    }
    if (outcome === "done") {
      const payload = await store.payload(record);
      if (payload !== null) return { output: revive(JSON.parse(payload)), repeated: true };
    }
    // Still running elsewhere (or expired between the two reads): wait for its answer,
    // within this request's deadline.
    await sleep(POLL_MS, undefined, { signal: ctx.signal });
  }
  try {
    const output = await callAllowed(ctx, adapter, name, input);
    await store.complete(record, print, IDEMPOTENCY_KEEP_MS, JSON.stringify(output ?? null));
    return { output, repeated: false };
  } catch (error) {
    // Not done: a retry with the same key may try again.
    await store.release(record);
    throw error;
  }
}
