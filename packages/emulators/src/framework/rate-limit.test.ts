import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit.js";

describe("RateLimiter", () => {
  it("allows up to the limit per fixed window, then refuses with retryAfter", () => {
    const rl = new RateLimiter();
    const rules = [{ limit: 2, window: "second" as const }];
    expect(rl.consume("app", "/r", rules, 1, 1_000).ok).toBe(true);
    expect(rl.consume("app", "/r", rules, 1, 1_100).ok).toBe(true);
    const refused = rl.consume("app", "/r", rules, 1, 1_400);
    expect(refused).toMatchObject({ ok: false, retryAfterMs: 600, used: 2 });
    expect(rl.consume("app", "/r", rules, 1, 2_000).ok).toBe(true); // next window
  });

  it("counts cost, keeps apps and routes apart, and a refused request costs nothing", () => {
    const rl = new RateLimiter();
    const rules = [{ limit: 10, window: "minute" as const }];
    expect(rl.consume("a", "/r", rules, 8, 0).ok).toBe(true);
    expect(rl.consume("a", "/r", rules, 3, 1).ok).toBe(false);
    expect(rl.consume("a", "/r", rules, 2, 2).ok).toBe(true);
    expect(rl.consume("b", "/r", rules, 10, 3).ok).toBe(true);
    expect(rl.consume("a", "/other", rules, 10, 3).ok).toBe(true);
  });

  it("needs every rule to pass (2/hour and 3/day)", () => {
    const rl = new RateLimiter();
    const rules = [
      { limit: 2, window: "hour" as const },
      { limit: 3, window: "day" as const },
    ];
    const h = 3_600_000;
    expect(rl.consume("a", "/b", rules, 1, 0).ok).toBe(true);
    expect(rl.consume("a", "/b", rules, 1, 1).ok).toBe(true);
    expect(rl.consume("a", "/b", rules, 1, 2)).toMatchObject({
      ok: false,
      rule: { window: "hour" },
    });
    expect(rl.consume("a", "/b", rules, 1, h).ok).toBe(true);
    expect(rl.consume("a", "/b", rules, 1, 2 * h)).toMatchObject({
      ok: false,
      rule: { window: "day" },
    });
  });

  it("aligns windows with an offset (Beijing calendar day)", () => {
    const rl = new RateLimiter();
    const rules = [{ limit: 1, window: "day" as const, alignOffsetMs: 8 * 3_600_000 }];
    const beijingMidnight = Date.UTC(2024, 0, 1, 16); // 2024-01-02 00:00 +08:00
    expect(rl.consume("a", "/b", rules, 1, beijingMidnight - 1).ok).toBe(true);
    expect(rl.consume("a", "/b", rules, 1, beijingMidnight).ok).toBe(true);
    expect(rl.consume("a", "/b", rules, 1, beijingMidnight + 1).ok).toBe(false);
  });

  it("can be switched off and reset per app", () => {
    const rl = new RateLimiter(false);
    const rules = [{ limit: 1, window: "second" as const }];
    expect(rl.consume("a", "/r", rules, 5, 0).ok).toBe(true);
    rl.enabled = true;
    expect(rl.consume("a", "/r", rules, 1, 0).ok).toBe(true);
    expect(rl.consume("a", "/r", rules, 1, 0).ok).toBe(false);
    rl.reset("a");
    expect(rl.consume("a", "/r", rules, 1, 0).ok).toBe(true);
  });
});
