import { BadUserInputError, checkGroupMemberProfile, type MemberProfileRules } from "@imgraph/core";
import { call, type Op, type TencentContext } from "./context.js";
import {
  GROUP_MEMBER_FIELD_KEY,
  GROUP_MEMBER_FIELD_VALUE_MAX_BYTES,
  NAME_CARD_MAX_BYTES,
} from "./group-depth-limits.js";
import { toMemberData } from "./group-member-fields.js";
import { GROUP_USERS } from "./limits.js";

// A member's name card and custom member fields in one group, through
// modify_group_member_info (docs/vendors/tencent.md #17 §2.3): NameCard ≤ 50 bytes ("" clears
// it), AppMemberDefinedData for the fields the console declares (options.groupMemberFields).

const rules = (ctx: TencentContext): MemberProfileRules => ({
  ...GROUP_USERS,
  nameCard: { maxBytes: NAME_CARD_MAX_BYTES, allowEmpty: true },
  fields:
    ctx.groupMemberFields.length === 0
      ? null
      : {
          key: {
            pattern: GROUP_MEMBER_FIELD_KEY,
            description:
              "a custom member field declared in Tencent's console (1-16 letters, digits, underscores)",
          },
          valueMaxBytes: GROUP_MEMBER_FIELD_VALUE_MAX_BYTES,
          max: ctx.groupMemberFields.length,
        },
  missing: () =>
    "custom member fields are Tencent's AppMemberDefinedData: declare them in the console and list their keys in options.groupMemberFields",
});

/** Setting the same values again converges: a repeat after a lost answer is harmless. */
export const setGroupMemberProfile: Op<"setGroupMemberProfile"> = async (ctx, input, options) => {
  const p = checkGroupMemberProfile("tencent", input, rules(ctx));
  // Tencent refuses a field its console does not declare: refused here first.
  for (const key of Object.keys(p.fields ?? {})) {
    if (!ctx.groupMemberFields.includes(key)) {
      throw new BadUserInputError(
        `fields.${key}`,
        `fields: "${key}" is not one of options.groupMemberFields (${ctx.groupMemberFields.join(", ")}).`,
      );
    }
  }
  await call(
    ctx,
    "setGroupMemberProfile",
    "group_open_http_svc/modify_group_member_info",
    {
      GroupId: p.groupId,
      Member_Account: p.userId,
      ...(p.nameCard !== undefined ? { NameCard: p.nameCard } : {}),
      ...(p.fields ? { AppMemberDefinedData: toMemberData(p.fields) } : {}),
    },
    options,
    true,
  );
};
