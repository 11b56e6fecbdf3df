import {
  BadUserInputError,
  type CallbackFields,
  callbackId,
  callbackList,
  type ImEvent,
} from "@imgraph/core";

// Tencent's relationship-chain and profile callbacks (docs/vendors/tencent.md, "Social graph
// and user depth", Events) → neutral events. Each Sns.* callback lists what changed as
// PairList [{From_Account, To_Account}]: From_Account's list gained or lost To_Account.

function pairs(b: CallbackFields): { from: string; to: string }[] {
  return callbackList(b.PairList, "PairList").map((p) => ({
    from: callbackId((p as CallbackFields | null)?.From_Account, "PairList.From_Account"),
    to: callbackId((p as CallbackFields | null)?.To_Account, "PairList.To_Account"),
  }));
}

/** The events of a social callback; undefined when `command` is not one. */
export function readSocialCallback(
  command: string,
  b: CallbackFields,
  appId: string,
  at: Date,
): ImEvent[] | undefined {
  switch (command) {
    // REST friend_add (force or one-way), client adds and accepted requests; not friend_import.
    case "Sns.CallbackFriendAdd":
      return pairs(b).map(({ from, to }) => ({
        type: "FRIEND_ADDED" as const,
        appId,
        at,
        userId: from,
        friendId: to,
      }));
    case "Sns.CallbackFriendDelete":
      return pairs(b).map(({ from, to }) => ({
        type: "FRIEND_REMOVED" as const,
        appId,
        at,
        userId: from,
        friendId: to,
      }));
    case "Sns.CallbackBlackListAdd":
    case "Sns.CallbackBlackListDelete": {
      const blocked = command === "Sns.CallbackBlackListAdd";
      return pairs(b).map(({ from, to }) => ({
        type: "BLOCKLIST_CHANGED" as const,
        appId,
        at,
        userId: from,
        otherId: to,
        blocked,
      }));
    }
    case "Profile.CallbackPortraitSet": {
      // From_Account is the user whose profile changed (Operator_Account who changed it).
      // Which tags changed, where the body lists them (an empty list when it does not).
      const items = b.ProfileItem === undefined ? [] : callbackList(b.ProfileItem, "ProfileItem");
      const fields = items.map((item) => {
        const tag = (item as CallbackFields | null)?.Tag;
        if (typeof tag !== "string" || tag === "")
          throw new BadUserInputError("ProfileItem.Tag", "ProfileItem.Tag must be a tag name.");
        return tag;
      });
      return [
        {
          type: "PROFILE_UPDATED",
          appId,
          at,
          userId: callbackId(b.From_Account, "From_Account"),
          fields: [...new Set(fields)],
        },
      ];
    }
    default:
      return undefined;
  }
}
