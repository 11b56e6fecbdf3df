import { describe, expect, it } from "vitest";
import { badInput } from "./contract/expect.js";
import {
  checkMuteUsers,
  checkRemoveUserAttributes,
  checkSetUserAttributes,
  checkUnmuteUsers,
  checkUserTags,
} from "./user-depth-inputs.js";

const user = { maxBytes: 4, pattern: /^[a-z]+$/ };
const attributeRules = {
  user,
  key: { pattern: /^[a-z]{1,8}$/, description: "1-8 lower-case letters" },
  valueMaxBytes: 6,
  max: 2,
};

describe("user attribute inputs", () => {
  it("passes good attributes through and names each refused part", () => {
    const ok = { userId: "ann", attributes: { city: "SZ", level: "" } };
    expect(checkSetUserAttributes(ok, attributeRules)).toEqual(ok);
    const set =
      (attributes: unknown, userId = "ann") =>
      () =>
        checkSetUserAttributes({ userId, attributes } as never, attributeRules);
    expect(set({}, "A")).toThrow(badInput("userId"));
    expect(set({})).toThrow(badInput("attributes"));
    expect(set(["x"])).toThrow(badInput("attributes"));
    expect(set({ a: "1", b: "2", c: "3" })).toThrow(badInput("attributes"));
    expect(set({ "Bad Key": "1" })).toThrow(badInput("attributes.Bad Key"));
    expect(set({ city: "Shenzhen" })).toThrow(badInput("attributes.city"));
    expect(set({ city: 5 })).toThrow(badInput("attributes.city"));
  });

  it("removes each named key once and refuses none or a malformed one", () => {
    expect(
      checkRemoveUserAttributes({ userId: "ann", keys: ["city", "city"] }, attributeRules),
    ).toEqual({ userId: "ann", keys: ["city"] });
    const remove = (keys: unknown) => () =>
      checkRemoveUserAttributes({ userId: "ann", keys } as never, attributeRules);
    expect(remove([])).toThrow(badInput("keys"));
    expect(remove("city")).toThrow(badInput("keys"));
    expect(remove(["city", "No!"])).toThrow(badInput("keys[1]"));
  });
});

describe("user tag inputs", () => {
  const rules = {
    user,
    tagMaxBytes: 5,
    tagsPerCall: 2,
    tag: { pattern: /^\w+$/, description: "letters" },
  };
  it("refuses no users, no tags (unless setting), too many, too long or odd tags", () => {
    expect(checkUserTags({ userIds: ["ann"], tags: ["vip", "vip"] }, rules)).toEqual({
      userIds: ["ann"],
      tags: ["vip"],
    });
    expect(checkUserTags({ userIds: ["ann"], tags: [] }, rules, true).tags).toEqual([]);
    const tags = (userIds: unknown, list: unknown) => () =>
      checkUserTags({ userIds, tags: list } as never, rules);
    expect(tags([], ["vip"])).toThrow(badInput("userIds"));
    expect(tags(["ann"], [])).toThrow(badInput("tags"));
    expect(tags(["ann"], ["a", "b", "c"])).toThrow(badInput("tags"));
    expect(tags(["ann"], ["a", "toolong"])).toThrow(badInput("tags[1]"));
    expect(tags(["ann"], ["a b"])).toThrow(badInput("tags[0]"));
    expect(tags(["ann"], [""])).toThrow(badInput("tags[0]"));
  });
});

describe("mute inputs", () => {
  const rules = { user, maxDurationSeconds: 100 };
  it("checks scopes and the duration's bounds; no duration means until lifted", () => {
    expect(checkMuteUsers({ userIds: ["ann"], scopes: ["GROUPS", "GROUPS"] }, rules)).toEqual({
      userIds: ["ann"],
      scopes: ["GROUPS"],
    });
    const mute = (input: unknown) => () => checkMuteUsers(input as never, rules);
    expect(mute({ userIds: ["ann"], scopes: [] })).toThrow(badInput("scopes"));
    expect(mute({ userIds: ["ann"], scopes: ["DIRECT", "ROOMS"] })).toThrow(badInput("scopes[1]"));
    expect(mute({ userIds: ["ann"], scopes: ["DIRECT"], durationSeconds: 0 })).toThrow(
      badInput("durationSeconds"),
    );
    expect(mute({ userIds: ["ann"], scopes: ["DIRECT"], durationSeconds: 101 })).toThrow(
      badInput("durationSeconds"),
    );
    expect(mute({ userIds: ["ann"], scopes: ["DIRECT"], durationSeconds: 1.5 })).toThrow(
      badInput("durationSeconds"),
    );
    expect(() => checkUnmuteUsers({ userIds: ["X"], scopes: ["DIRECT"] }, user)).toThrow(
      badInput("userIds[0]"),
    );
  });
});
