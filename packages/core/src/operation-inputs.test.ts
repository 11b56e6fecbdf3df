import { describe, expect, it } from "vitest";
import { badInput } from "./contract/expect.js";
import {
  actorOrOperator,
  checkActor,
  checkGroupUsers,
  checkHistoryConversation,
  checkUserList,
} from "./operation-inputs.js";

const rules = { group: { maxBytes: 8 }, user: { maxBytes: 4, pattern: /^[a-z]+$/ } };

describe("checkGroupUsers", () => {
  it("answers the checked group id and user ids", () => {
    expect(checkGroupUsers({ groupId: "g1", userIds: ["ann", "bob"] }, rules)).toEqual({
      groupId: "g1",
      userIds: ["ann", "bob"],
    });
  });

  it("names the bad field: the group, a user by index, the count", () => {
    expect(() => checkGroupUsers({ groupId: "", userIds: ["ann"] }, rules)).toThrow(
      badInput("groupId"),
    );
    expect(() => checkGroupUsers({ groupId: "g", userIds: ["ann", "B"] }, rules)).toThrow(
      badInput("userIds[1]"),
    );
    expect(() => checkGroupUsers({ groupId: "g", userIds: [] }, rules)).toThrow(
      badInput("userIds"),
    );
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
    expect(() => checkUserList(undefined as never, rules.user)).toThrow(badInput("users"));
    expect(() => checkUserList([{ id: "ann" }, { id: "toolong" }], rules.user)).toThrow(
      badInput("users.id[1]"),
    );
  });
});

describe("checkActor", () => {
  it("answers the actor when there is one, checked", () => {
    expect(checkActor(undefined, rules.user)).toBeUndefined();
    expect(checkActor("ann", rules.user)).toBe("ann");
    expect(() => checkActor("Ann", rules.user)).toThrow(badInput("actorId[0]"));
  });
});

describe("checkHistoryConversation", () => {
  it("answers a two-user or a group conversation, checked", () => {
    const users = { type: "USER", userId: "ann", peerId: "bob" } as const;
    expect(checkHistoryConversation(users, rules)).toEqual(users);
    expect(checkHistoryConversation({ type: "GROUP", groupId: "g1" }, rules)).toEqual({
      type: "GROUP",
      groupId: "g1",
    });
  });

  it("names the bad id, and refuses other conversations", () => {
    expect(() =>
      checkHistoryConversation({ type: "USER", userId: "ann", peerId: "B" }, rules),
    ).toThrow(badInput("conversation.peerId[0]"));
    expect(() => checkHistoryConversation({ type: "GROUP", groupId: "" }, rules)).toThrow(
      badInput("conversation.groupId"),
    );
    for (const conversation of [undefined, { type: "ROOM", roomId: "r" }]) {
      expect(() => checkHistoryConversation(conversation as never, rules)).toThrow(
        expect.objectContaining({
          field: "conversation",
          message: "conversation must be a USER or GROUP conversation.",
        }),
      );
    }
  });
});

describe("actorOrOperator", () => {
  const gap = { vendor: "zego" as const, operation: "op", reason: "set operatorUserId" };
  it("names the actor, else the operator, else the gap's reason", () => {
    expect(actorOrOperator("ann", "svc", rules.user, gap)).toBe("ann");
    expect(actorOrOperator(undefined, "svc", rules.user, gap)).toBe("svc");
    expect(() => actorOrOperator(undefined, undefined, rules.user, gap)).toThrow(
      expect.objectContaining({ code: "UNSUPPORTED_BY_VENDOR" }),
    );
    expect(() => actorOrOperator("TOOLONG", "svc", rules.user, gap)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", field: "actorId" }),
    );
  });
});
