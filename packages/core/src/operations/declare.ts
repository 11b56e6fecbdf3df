import type { VendorLimits } from "../adapter.js";
import type { Capability } from "../capabilities.js";

/** The neutral areas an operation belongs to (the adapters' file map follows them). */
export const AREAS = [
  "users",
  "social",
  "conversations",
  "messages",
  "groups",
  "rooms",
  "liveRooms",
  "credentials",
  "moderation",
  "push",
] as const;
export type Area = (typeof AREAS)[number];

/**
 * Who may call an operation, in neutral words; the gateway's policy evaluates it. A path
 * names a value in the operation's input ("" is the input itself, "to.groupId" a nested
 * field); a path ending in "?" makes the rule apply only when that value is present.
 */
export type AccessRule =
  /** Any authenticated caller of the app. */
  | "anyone"
  | "admin"
  /** The caller is the user named at the path. */
  | { self: string }
  /** The caller owns the group named at the path. */
  | { groupOwner: string }
  /** The caller owns the group named at the path or is one of its admins. */
  | { groupAdmin: string }
  /** The caller belongs to the group named at the path. */
  | { groupMember: string }
  /** The caller sent the message whose opaque id is at the path. */
  | { sender: string }
  /**
   * The caller is in the conversation of the message whose opaque id is at the path: its
   * sender, the other user of a one-to-one message, or a member of its group.
   */
  | { participant: string }
  /**
   * The caller owns the live room named at the path (as the vendor records its owner; a
   * vendor that keeps none leaves the rule to admins).
   */
  | { liveRoomOwner: string };

/** Every rule that applies must pass (admins pass all). */
export type Access = AccessRule | readonly AccessRule[];

/**
 * One neutral operation, declared once: everything else (the adapter contract, capability
 * introspection, the gateway's policy, the contract suite's coverage, the support matrix)
 * is derived from these declarations. `I` and `O` are carried as types only.
 */
export interface Operation<I, O> {
  readonly area: Area;
  /** Reads change nothing at the vendor (safe to repeat). */
  readonly kind: "read" | "write";
  /**
   * The capability this operation shows up as in App.capabilities; null for the core
   * operations every adapter must implement (an adapter cannot declare a gap for them).
   */
  readonly capability: Capability | null;
  /** The vendor limit that bounds one call's batch, where the input is a batch. */
  readonly batch?: keyof VendorLimits;
  /**
   * The input carries an optional `idempotencyKey`: the gateway answers a repeat of the same
   * write with the first one's result instead of calling the vendor again.
   */
  readonly idempotent?: boolean;
  readonly access: Access;
  /** What a caller does, for refusals: "Only admins may <action>." */
  readonly action: string;
  /** One line for docs and the support matrix. */
  readonly summary: string;
  /** Type carriers: never set at run time. */
  readonly input?: I;
  readonly output?: O;
}

/**
 * Declares an operation with its input and output types:
 * `operation<Input, Output>()({ area, kind, capability, access, summary })`. (Curried so the
 * capability stays a literal: a core operation, capability null, admits no declared gap.)
 */
export function operation<I, O>() {
  return <const C extends Capability | null>(
    declaration: Omit<Operation<I, O>, "input" | "output" | "capability"> & { capability: C },
  ): Operation<I, O> & { readonly capability: C } => declaration;
}
