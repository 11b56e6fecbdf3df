import { describe, expect, it } from "vitest";
import { getOrCreate } from "./maps.js";

describe("getOrCreate", () => {
  it("creates and stores a missing entry once, then returns the stored one", () => {
    const map = new Map<string, string[]>();
    let made = 0;
    const create = () => {
      made++;
      return [];
    };
    const first = getOrCreate(map, "k", create);
    first.push("x");
    expect(getOrCreate(map, "k", create)).toBe(first);
    expect(map.get("k")).toEqual(["x"]);
    expect(made).toBe(1);
  });

  it("works on a WeakMap", () => {
    const key = {};
    const map = new WeakMap<object, Set<number>>();
    getOrCreate(map, key, () => new Set()).add(1);
    expect([...(map.get(key) ?? [])]).toEqual([1]);
  });
});
