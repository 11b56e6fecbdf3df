import { describe, expect, it } from "vitest";
import { refusedField } from "./contract/expect.js";
import {
  checkLogHour,
  checkOptionalTime,
  checkUnreadCount,
  checkUserConversation,
} from "./conversation-inputs.js";
import type { Conversation } from "./model/message.js";

const rules = {
  user: { maxBytes: 32, pattern: /^[A-Za-z0-9_-]+$/, charset: "letters, digits, _ and -" },
  group: { maxBytes: 48 },
};

const fieldOf = refusedField;

describe("checkUserConversation", () => {
  it("answers the user and a USER or GROUP conversation", () => {
    expect(
      checkUserConversation({ userId: "u1", conversation: { type: "USER", id: "u2" } }, rules),
    ).toEqual({ userId: "u1", conversation: { type: "USER", id: "u2" } });
    expect(
      checkUserConversation({ userId: "u1", conversation: { type: "GROUP", id: "g 1" } }, rules),
    ).toEqual({ userId: "u1", conversation: { type: "GROUP", id: "g 1" } });
  });

  it("names the field at fault", () => {
    const user: Conversation = { type: "USER", id: "u2" };
    expect(fieldOf(() => checkUserConversation({ userId: "", conversation: user }, rules))).toBe(
      "userId",
    );
    expect(
      fieldOf(() =>
        checkUserConversation({ userId: "u1", conversation: { type: "USER", id: "u 2" } }, rules),
      ),
    ).toBe("conversation.id");
    // A user has no conversation with themself.
    expect(
      fieldOf(() =>
        checkUserConversation({ userId: "u1", conversation: { type: "USER", id: "u1" } }, rules),
      ),
    ).toBe("conversation.id");
    expect(
      fieldOf(() =>
        checkUserConversation({ userId: "u1", conversation: { type: "ROOM", id: "r" } }, rules),
      ),
    ).toBe("conversation.type");
    expect(
      fieldOf(() =>
        checkUserConversation(
          { userId: "u1", conversation: { type: "GROUP", id: "g".repeat(49) } },
          rules,
        ),
      ),
    ).toBe("conversation.id");
  });
});

describe("times and counts", () => {
  it("accepts a real date or nothing", () => {
    const at = new Date("2026-12-01T10:00:00Z");
    expect(checkOptionalTime("upTo", at)).toBe(at);
    expect(checkOptionalTime("upTo", undefined)).toBeUndefined();
    expect(fieldOf(() => checkOptionalTime("upTo", new Date("nope")))).toBe("upTo");
    expect(fieldOf(() => checkOptionalTime("before", "2026-12-01"))).toBe("before");
  });

  it("takes unread counts from 0 to the maximum", () => {
    expect(checkUnreadCount(0)).toBe(0);
    expect(checkUnreadCount(7, 10)).toBe(7);
    expect(fieldOf(() => checkUnreadCount(-1))).toBe("count");
    expect(fieldOf(() => checkUnreadCount(11, 10))).toBe("count");
    expect(fieldOf(() => checkUnreadCount(1.5))).toBe("count");
  });

  it("rounds a log hour down to its start and refuses the future", () => {
    const now = Date.parse("2026-12-05T10:30:00Z");
    expect(checkLogHour(new Date("2026-12-05T09:59:59Z"), now).toISOString()).toBe(
      "2026-12-05T09:00:00.000Z",
    );
    // The hour now running has started: it may be asked for (its file does not exist yet).
    expect(checkLogHour(new Date(now), now).toISOString()).toBe("2026-12-05T10:00:00.000Z");
    expect(fieldOf(() => checkLogHour(new Date("2026-12-05T11:00:00Z"), now))).toBe("hour");
    expect(fieldOf(() => checkLogHour(undefined, now))).toBe("hour");
    expect(fieldOf(() => checkLogHour(new Date("0001-01-01T00:00:00Z"), now))).toBe("hour");
    expect(checkLogHour(new Date(0), now).getTime()).toBe(0);
  });
});
