/** Copying only the options a caller gave, so a default further on is never overridden by undefined. */

/** The named fields of `source` that are not undefined. */
export function definedFields<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

/** `source` without its undefined fields. */
export function withoutUndefined<T extends object>(
  source: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return definedFields(source, Object.keys(source) as (keyof T)[]) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
