/**
 * Test helper: a fixture option that may only be known once an earlier beforeAll has run
 * (a callback sink's url), given as a function; fixtures resolve it in their own beforeAll.
 */
export type Late<T> = T | (() => T);

export function resolveLate<T>(value: Late<T>): T {
  return typeof value === "function" ? (value as () => T)() : value;
}
