import { describe, expect, it } from "vitest";
import { refusedField } from "./contract/expect.js";
import {
  checkExtensionKeys,
  checkExtensionWrites,
  checkImport,
  checkMessageIdList,
  type ExtensionRules,
} from "./message-lifecycle-inputs.js";

const ids = {
  user: { maxBytes: 32, pattern: /^[a-z0-9]+$/, charset: "a-z 0-9" },
  group: { maxBytes: 48 },
};
const versioned: ExtensionRules = {
  key: { pattern: /^[A-Za-z0-9_]+$/, description: "letters, digits and _", maxChars: 8 },
  valueMaxBytes: 10,
  versioned: true,
};

const fieldOf = refusedField;

describe("message id lists", () => {
  it("take distinct non-empty ids up to a maximum", () => {
    expect(checkMessageIdList("messageIds", ["a", "b"], 2)).toEqual(["a", "b"]);
    expect(fieldOf(() => checkMessageIdList("messageIds", []))).toBe("messageIds");
    expect(fieldOf(() => checkMessageIdList("messageIds", ["a", ""]))).toBe("messageIds[1]");
    expect(fieldOf(() => checkMessageIdList("messageIds", ["a", "a"]))).toBe("messageIds[1]");
    expect(fieldOf(() => checkMessageIdList("messageIds", ["a", "b", "c"], 2))).toBe("messageIds");
  });
});

describe("extension writes", () => {
  it("take distinct keys by the vendor's rule, values within its size, versions where kept", () => {
    const writes = [
      { key: "k1", value: "", version: 0 },
      { key: "k2", value: "v" },
    ];
    expect(checkExtensionWrites(writes, versioned)).toBe(writes);
    expect(fieldOf(() => checkExtensionWrites([], versioned))).toBe("extensions");
    expect(fieldOf(() => checkExtensionWrites([{ key: "k-1", value: "v" }], versioned))).toBe(
      "extensions[0].key",
    );
    expect(
      fieldOf(() => checkExtensionWrites([{ key: "k".repeat(9), value: "v" }], versioned)),
    ).toBe("extensions[0].key");
    expect(
      fieldOf(() =>
        checkExtensionWrites(
          [
            { key: "a", value: "v" },
            { key: "a", value: "w" },
          ],
          versioned,
        ),
      ),
    ).toBe("extensions[1].key");
    expect(
      fieldOf(() => checkExtensionWrites([{ key: "a", value: "x".repeat(11) }], versioned)),
    ).toBe("extensions[0].value");
    expect(
      fieldOf(() => checkExtensionWrites([{ key: "a", value: "v", version: -1 }], versioned)),
    ).toBe("extensions[0].version");
    // A vendor without versions cannot honour a conditional write: refused, not ignored.
    expect(
      fieldOf(() =>
        checkExtensionWrites([{ key: "a", value: "v", version: 2 }], {
          ...versioned,
          versioned: false,
        }),
      ),
    ).toBe("extensions[0].version");
  });

  it("removal takes at least one valid key", () => {
    expect(checkExtensionKeys(["a"], versioned)).toEqual(["a"]);
    expect(fieldOf(() => checkExtensionKeys([], versioned))).toBe("keys");
    expect(fieldOf(() => checkExtensionKeys(["ok", "no!"], versioned))).toBe("keys[1]");
  });
});

describe("imports", () => {
  const now = Date.parse("2026-12-05T12:00:00Z");
  const at = (iso: string) => new Date(iso);
  const text = { type: "TEXT" as const, text: "hi" };
  const user = { type: "USER" as const, userId: "u1", peerId: "u2" };

  it("take a conversation's messages oldest first, in the past, from its users", () => {
    const input = {
      conversation: user,
      messages: [
        { senderId: "u1", sentAt: at("2026-12-01T10:00:00Z"), content: text },
        { senderId: "u2", sentAt: at("2026-12-01T10:00:00Z"), content: text },
      ],
    };
    expect(checkImport(input, ids, now)).toEqual(input);
  });

  it("names what is wrong", () => {
    const one = (senderId: string, iso: string) => ({ senderId, sentAt: at(iso), content: text });
    expect(fieldOf(() => checkImport({ conversation: user, messages: [] }, ids, now))).toBe(
      "messages",
    );
    expect(
      fieldOf(() =>
        checkImport(
          { conversation: user, messages: [one("u3", "2026-01-01T00:00:00Z")] },
          ids,
          now,
        ),
      ),
    ).toBe("messages[0].senderId");
    expect(
      fieldOf(() =>
        checkImport(
          { conversation: user, messages: [one("u1", "2027-01-01T00:00:00Z")] },
          ids,
          now,
        ),
      ),
    ).toBe("messages[0].sentAt");
    expect(
      fieldOf(() =>
        checkImport(
          {
            conversation: user,
            messages: [one("u1", "2026-02-01T00:00:00Z"), one("u2", "2026-01-01T00:00:00Z")],
          },
          ids,
          now,
        ),
      ),
    ).toBe("messages[1].sentAt");
    expect(
      fieldOf(() =>
        checkImport(
          {
            conversation: { type: "GROUP", groupId: "g1" },
            messages: [one("U!", "2026-01-01T00:00:00Z")],
          },
          ids,
          now,
        ),
      ),
    ).toBe("messages[0].senderId");
  });
});
