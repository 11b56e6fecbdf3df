import { describe, expect, it } from "vitest";
import { checkFriendIds } from "./social-inputs.js";

const user = { maxBytes: 4, pattern: /^[a-z]+$/ };
const bad = (field: string) => expect.objectContaining({ code: "BAD_USER_INPUT", field });

describe("checkFriendIds", () => {
  it("answers the owner and the friends as userId and userIds", () => {
    expect(checkFriendIds({ userId: "ann", friendIds: ["bob", "cy"] }, user)).toEqual({
      userId: "ann",
      userIds: ["bob", "cy"],
    });
  });

  it("names friendIds in its refusals: a bad id, none, the owner among them", () => {
    expect(() => checkFriendIds({ userId: "A", friendIds: ["bob"] }, user)).toThrow(bad("userId"));
    expect(() => checkFriendIds({ userId: "ann", friendIds: ["bob", "B"] }, user)).toThrow(
      bad("friendIds[1]"),
    );
    expect(() => checkFriendIds({ userId: "ann", friendIds: [] }, user)).toThrow(bad("friendIds"));
    expect(() => checkFriendIds({ userId: "ann", friendIds: ["bob", "ann"] }, user)).toThrow(
      bad("friendIds[1]"),
    );
  });
});
