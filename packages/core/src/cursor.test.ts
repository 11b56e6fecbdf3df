import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor.js";

describe("cursors", () => {
  it("round-trip their fields, whatever they are called", () => {
    const c = encodeCursor("mh", { n: 12, k: 3, l: 20 });
    expect(decodeCursor("mh", c, { n: "marker", k: "number", l: "number" })).toMatchObject({
      n: 12,
      k: 3,
      l: 20,
    });
    expect(decodeCursor("ug", encodeCursor("ug", { n: "abc" }), { n: "marker" })).toMatchObject({
      n: "abc",
    });
    expect(decodeCursor("ug", null, { n: "marker" })).toBeNull();
  });

  it("refuse cursors of another list or shape", () => {
    const c = encodeCursor("gm", { n: 1, l: 2 });
    expect(() => decodeCursor("mh", c, { n: "marker" })).toThrow(/cursor/);
    expect(() => decodeCursor("gm", c, { n: "marker", l: "string" })).toThrow(/cursor/);
    expect(() => decodeCursor("gm", "%%%", { n: "marker" })).toThrow(/cursor/);
    expect(() => decodeCursor("gm", "x".repeat(2000), { n: "marker" })).toThrow(/cursor/);
  });
});
