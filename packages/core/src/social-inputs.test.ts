import { describe, expect, it } from "vitest";
import { badInput } from "./contract/expect.js";
import { checkFriendIds } from "./social-inputs.js";

const user = { maxBytes: 4, pattern: /^[a-z]+$/ };

describe("checkFriendIds", () => {
  it("answers the owner and the friends as userId and userIds", () => {
    expect(checkFriendIds({ userId: "ann", friendIds: ["bob", "cy"] }, user)).toEqual({
      userId: "ann",
      userIds: ["bob", "cy"],
    });
  });

  it("names friendIds in its refusals: a bad id, none, the owner among them", () => {
    expect(() => checkFriendIds({ userId: "A", friendIds: ["bob"] }, user)).toThrow(
      badInput("userId"),
    );
    expect(() => checkFriendIds({ userId: "ann", friendIds: ["bob", "B"] }, user)).toThrow(
      badInput("friendIds[1]"),
    );
    expect(() => checkFriendIds({ userId: "ann", friendIds: [] }, user)).toThrow(
      badInput("friendIds"),
    );
    expect(() => checkFriendIds({ userId: "ann", friendIds: ["bob", "ann"] }, user)).toThrow(
      badInput("friendIds[1]"),
    );
  });
});
