import { registerEnumType } from "type-graphql";

/** A GraphQL enum's values object, built from one of core's lists (names in SCREAMING_SNAKE). */
export type EnumOf<V extends string> = { readonly [K in V as Uppercase<K>]: K };

/** "registerUsers" → "REGISTER_USERS": GraphQL's usual spelling of enum values. */
export function screamingSnake(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

/**
 * Registers a GraphQL enum made from one of core's closed lists of words, with a
 * description for every value (the compiler asks for each one), and returns the values
 * object resolvers use (`ConversationType.USER`).
 */
export function enumFrom<const V extends string>(
  values: readonly V[],
  name: string,
  description: string,
  valueDescriptions: { readonly [K in V]: string },
): EnumOf<V> {
  const object: Record<string, string> = {};
  const valuesConfig: Record<string, { description: string }> = {};
  for (const v of values) {
    object[screamingSnake(v)] = v;
    valuesConfig[screamingSnake(v)] = { description: valueDescriptions[v] };
  }
  registerEnumType(object, { name, description, valuesConfig });
  return object as EnumOf<V>;
}
