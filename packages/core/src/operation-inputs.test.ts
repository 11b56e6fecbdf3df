import { describe, expect, it } from "vitest";
import { checkGroupUsers, checkUserList } from "./operation-inputs.js";

const rules = { group: { maxBytes: 8 }, user: { maxBytes: 4, pattern: /^[a-z]+$/ } };
const bad = (field: string) => expect.objectContaining({ code: "BAD_USER_INPUT", field });

describe("checkGroupUsers", () => {
  it("answers the checked group id and user ids", () => {
    expect(checkGroupUsers({ groupId: "g1", userIds: ["ann", "bob"] }, rules)).toEqual({
      groupId: "g1",
      userIds: ["ann", "bob"],
    });
  });

  it("names the bad field: the group, a user by index, the count", () => {
    expect(() => checkGroupUsers({ groupId: "", userIds: ["ann"] }, rules)).toThrow(bad("groupId"));
    expect(() => checkGroupUsers({ groupId: "g", userIds: ["ann", "B"] }, rules)).toThrow(
      bad("userIds[1]"),
    );
    expect(() => checkGroupUsers({ groupId: "g", userIds: [] }, rules)).toThrow(bad("userIds"));
    expect(() => checkGroupUsers({ groupId: "g", userIds: ["a", "b", "c"] }, rules, 2)).toThrow(
      expect.objectContaining({ field: "userIds", message: "userIds must have at most 2 items." }),
    );
  });
});

describe("checkUserList", () => {
  it("answers the same list when every id is valid", () => {
    const users = [{ id: "ann", name: "Ann" }];
    expect(checkUserList(users, rules.user)).toBe(users);
  });

  it("refuses an empty or missing list and names a bad id by index", () => {
    expect(() => checkUserList([], rules.user)).toThrow(
      expect.objectContaining({ field: "users", message: "users must have at least 1 item." }),
    );
    expect(() => checkUserList(undefined as never, rules.user)).toThrow(bad("users"));
    expect(() => checkUserList([{ id: "ann" }, { id: "toolong" }], rules.user)).toThrow(
      bad("users.id[1]"),
    );
  });
});
