import { checkInt } from "@imgraph/core";
import { FOREVER_SECONDS } from "./limits.js";

// Tencent's mutes and bans (users, group members, live room members) last whole seconds, and
// 4294967295 s (FOREVER_SECONDS) is their "no end": one place for how both ways read that.

/** A duration a caller may ask for: at least a second, and below Tencent's "no end". */
export const DURATION_SECONDS = { min: 1, max: FOREVER_SECONDS - 1 };

/** The duration asked for, checked; none asked is Tencent's "no end". */
export function secondsOrForever(durationSeconds: unknown): number {
  return durationSeconds === undefined
    ? FOREVER_SECONDS
    : checkInt("durationSeconds", durationSeconds, DURATION_SECONDS);
}

/** An end Tencent answers in unix seconds as a Date; null for its "no end" or none given. */
export function endDate(seconds: number | undefined): Date | null {
  return seconds === undefined || seconds >= FOREVER_SECONDS ? null : new Date(seconds * 1000);
}

/** Whether an end Tencent answers in unix seconds has passed (0 or none: it has no end). */
export function isOver(end: number | undefined, nowSeconds: number): boolean {
  return end !== undefined && end > 0 && end <= nowSeconds;
}
