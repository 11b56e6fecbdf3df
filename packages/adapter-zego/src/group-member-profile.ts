import {
  checkGroupMemberProfile,
  itemError,
  itemOk,
  type MemberProfileRules,
  NotFoundError,
} from "@imgraph/core";
import { perItem } from "./batch.js";
import { type Op, zim } from "./context.js";
import { GROUP_ID, NAME_CARD_MAX_BYTES, USER_ID } from "./limits.js";

// A member's profile in a group (#17 §G5): ZIM keeps a nickname per member (the name card),
// set with SetGroupMembersNickname (1/s per group), and no custom member fields.

const NO_MEMBER_FIELDS =
  "ZIM keeps no custom fields on group members (no server Action, none in the client SDK): only a nickname per member, imgraph's nameCard";

/** The member Actions' SubCode for a user not in the group. */
const NOT_IN_GROUP = 660600024;

const RULES: MemberProfileRules = {
  group: GROUP_ID,
  user: USER_ID,
  // "" clears the nickname (unverified, #17 §U6); any UTF-8 is sent.
  nameCard: { maxBytes: NAME_CARD_MAX_BYTES, allowEmpty: true },
  fields: null,
  missing: () => NO_MEMBER_FIELDS,
};

/**
 * Made as the member themself (FromUserId): a member may set their own nickname on every
 * client, and the server checks no operator role (#17 §G5, §U2).
 */
export const setGroupMemberProfile: Op<"setGroupMemberProfile"> = async (ctx, input, options) => {
  const { groupId, userId, nameCard } = checkGroupMemberProfile("zego", input, RULES);
  const [result] = await perItem<true>({
    keys: [userId],
    call: () =>
      zim(
        ctx,
        {
          operation: "setGroupMemberProfile",
          action: "SetGroupMembersNickname",
          method: "POST",
          params: {
            FromUserId: userId,
            GroupId: groupId,
            UserIds: [{ UserId: userId, Nickname: nameCard ?? "" }],
          },
          idempotent: true,
        },
        options,
      ),
    ok: (key) => itemOk(key, true),
    failed: (key, subCode) =>
      subCode === NOT_IN_GROUP
        ? itemError(
            key,
            new NotFoundError(`${key} is not a member of the group.`, {
              vendor: "zego",
              vendorCode: String(subCode),
            }),
          )
        : undefined,
  });
  if (result && !result.ok) throw result.error;
};
