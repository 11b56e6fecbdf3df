/**
 * An injectable clock. Every emulator reads time through one of these so tests can move
 * time (token expiry, mute expiry, rate windows) without sleeping, or freeze it so
 * timestamps are exact.
 */
export interface Clock {
  /** Current emulated time, epoch milliseconds. */
  now(): number;
  /** Offset added to the base time source, ms. */
  readonly offsetMs: number;
  readonly frozen: boolean;
  /** Replace the offset (0 = real time again). */
  setOffset(ms: number): void;
  /** Move time forward (or back, with a negative value). */
  advance(ms: number): void;
  /** Jump to an absolute epoch-ms time (time keeps running unless frozen). */
  set(epochMs: number): void;
  /** Stop time at its current value until unfreeze() (advance/set still move it). */
  freeze(): void;
  unfreeze(): void;
}

export function createClock(base: () => number = Date.now): Clock {
  let offset = 0;
  let frozenAt: number | undefined;
  return {
    now: () => frozenAt ?? base() + offset,
    get offsetMs() {
      return offset;
    },
    get frozen() {
      return frozenAt !== undefined;
    },
    setOffset(ms) {
      offset = ms;
      if (frozenAt !== undefined) frozenAt = base() + offset;
    },
    advance(ms) {
      offset += ms;
      if (frozenAt !== undefined) frozenAt += ms;
    },
    set(epochMs) {
      offset = epochMs - base();
      if (frozenAt !== undefined) frozenAt = epochMs;
    },
    freeze() {
      frozenAt ??= base() + offset;
    },
    unfreeze() {
      if (frozenAt === undefined) return;
      offset = frozenAt - base();
      frozenAt = undefined;
    },
  };
}
