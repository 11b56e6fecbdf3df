import { describe, expect, it } from "vitest";
import { refusedField } from "./contract/expect.js";
import {
  checkPushAttributes,
  checkPushBase,
  checkPushTags,
  checkPushTaskId,
  checkPushUsers,
  checkSetPushAttributes,
  type PushRules,
} from "./push-inputs.js";

const rules: PushRules = {
  titleMaxBytes: 10,
  bodyMaxBytes: 20,
  dataMaxBytes: 8,
  tagsPerCondition: 2,
  tag: { maxBytes: 5, pattern: /^[a-z]+$/ },
  attributesPerCondition: 2,
  attributeMaxBytes: 4,
  usersPerPush: 3,
  userId: { maxBytes: 4 },
};
const notification = { body: "hi" };

describe("push input checks", () => {
  it("keep a good notification, leaving out what was not given", () => {
    expect(checkPushBase({ notification }, rules)).toEqual({ body: "hi" });
    expect(
      checkPushBase({ notification: { body: "b", title: "t", data: "d" }, from: "u1" }, rules),
    ).toEqual({ body: "b", title: "t", data: "d" });
  });

  it("name the field of a bad notification, sender or key", () => {
    const base = (input: unknown) => refusedField(() => checkPushBase(input as never, rules));
    expect(base({})).toBe("notification");
    expect(base({ notification: { body: "  " } })).toBe("notification.body");
    expect(base({ notification: { body: "x".repeat(21) } })).toBe("notification.body");
    expect(base({ notification: { body: "b", title: "é".repeat(6) } })).toBe("notification.title");
    expect(base({ notification: { body: "b", data: "123456789" } })).toBe("notification.data");
    expect(base({ notification, from: "toolong" })).toBe("from");
    expect(base({ notification, idempotencyKey: "a b" })).toBe("idempotencyKey");
    expect(base({ notification, idempotencyKey: "k".repeat(65) })).toBe("idempotencyKey");
  });

  it("take exactly one tag condition, each tag by the vendor's rule, no repeats", () => {
    expect(checkPushTags({ notification, anyOf: ["a", "b"] }, rules)).toEqual({
      match: "any",
      tags: ["a", "b"],
    });
    expect(checkPushTags({ notification, allOf: ["a"] }, rules).match).toBe("all");
    const tags = (input: object) =>
      refusedField(() => checkPushTags({ notification, ...input }, rules));
    expect(tags({})).toBe("allOf");
    expect(tags({ allOf: ["a"], anyOf: ["b"] })).toBe("allOf");
    expect(tags({ anyOf: [] })).toBe("anyOf");
    expect(tags({ anyOf: ["a", "b", "c"] })).toBe("anyOf");
    expect(tags({ anyOf: ["a", "a"] })).toBe("anyOf");
    expect(tags({ allOf: ["A"] })).toBe("allOf[0]");
  });

  it("check attributes and listed users against the vendor's sizes", () => {
    expect(checkPushAttributes({ notification, attributes: { k: "v" } }, rules)).toEqual([
      ["k", "v"],
    ]);
    const attrs = (attributes: unknown) =>
      refusedField(() => checkPushAttributes({ notification, attributes } as never, rules));
    expect(attrs({})).toBe("attributes");
    expect(attrs([])).toBe("attributes");
    expect(attrs({ a: "1", b: "2", c: "3" })).toBe("attributes");
    expect(attrs({ key: "12345" })).toBe("attributes.key");
    const users = (userIds: unknown) =>
      refusedField(() => checkPushUsers({ notification, userIds } as never, rules));
    expect(checkPushUsers({ notification, userIds: ["a", "b"] }, rules)).toEqual(["a", "b"]);
    expect(users([])).toBe("userIds");
    expect(users(["a", "b", "c", "d"])).toBe("userIds");
    expect(users(["a", "a"])).toBe("userIds[1]");
    expect(users(["a", "long1"])).toBe("userIds[1]");
    const set = (input: unknown) =>
      refusedField(() => checkSetPushAttributes(input as never, { ...rules, usersPerCall: 2 }));
    expect(set({ users: [] })).toBe("users");
    expect(set({ users: [{ userId: "toolong", attributes: { a: "1" } }] })).toBe("users[0].userId");
    expect(set({ users: [{ userId: "u", attributes: {} }] })).toBe("users[0].attributes");
    expect(refusedField(() => checkPushTaskId({ taskId: "" }))).toBe("taskId");
  });
});
