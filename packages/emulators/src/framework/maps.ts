/** Map helpers the vendors' state code shares. */

/** What {@link getOrCreate} needs of a map: a Map or a WeakMap. */
export interface KeyedStore<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The entry under `key`, first made by `create` and stored when there is none. The entry
 * type comes from the map alone (NoInfer), so `() => new Map()` cannot widen it to any.
 */
export function getOrCreate<K, V>(map: KeyedStore<K, V>, key: K, create: () => NoInfer<V>): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
