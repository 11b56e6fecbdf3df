import { describe, expect, it } from "vitest";
import { hourKey, parseWallClock } from "./wall-clock.js";

describe("parseWallClock", () => {
  it("reads a wall-clock text at a zone's offset as an instant", () => {
    expect(parseWallClock("2026-12-07 08:30:05", 480)?.toISOString()).toBe(
      "2026-12-07T00:30:05.000Z",
    );
    expect(parseWallClock(" 2026-12-07 08:30:05 ", 0)?.toISOString()).toBe(
      "2026-12-07T08:30:05.000Z",
    );
  });

  it("answers null for anything else", () => {
    for (const value of [undefined, 5, "", "2026-12-07T08:30:05", "2026-12-07 8:30:05"])
      expect(parseWallClock(value, 480)).toBeNull();
  });
});

describe("hourKey", () => {
  it("names the hour holding an instant at a zone's offset", () => {
    const at = new Date("2026-12-07T18:59:59.999Z");
    expect(hourKey(at, 480)).toBe("2026120802");
    expect(hourKey(at, 0)).toBe("2026120718");
  });
});
