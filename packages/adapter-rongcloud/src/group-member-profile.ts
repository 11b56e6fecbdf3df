import {
  checkGroupMemberProfile,
  checkId,
  NotFoundError,
  UnsupportedByVendorError,
  VendorRejectedError,
} from "@imgraph/core";
import { type Op, post } from "./context.js";
import { HOSTED_MEMBER_PROFILE_RULES, MEMBER_EXTRA_MAX_CHARS } from "./group-limits.js";
import { readMembers } from "./hosted-group-reads.js";
import { GROUP_ID, USER_ID } from "./limits.js";

// A member's profile in a hosted group (/entrust/group/member/set.json, vendor reference #17
// §1.3): `nickname` (required, ≤64) is the name card; the custom fields are a JSON object in
// the one `extra` string (≤128 characters in all). The call needs both, so the member is read
// first and what the update leaves out is sent as it is.

const NICKNAME_REQUIRED =
  "RongCloud's member profile call requires a nickname (the name card), so a name card can be replaced but not cleared";

export const setGroupMemberProfile: Op<"setGroupMemberProfile"> = async (ctx, input, options) => {
  const operation = "setGroupMemberProfile";
  checkId("groupId", input?.groupId, GROUP_ID);
  checkId("userId", input.userId, USER_ID);
  if (input.nameCard === "")
    throw new UnsupportedByVendorError("rongcloud", operation, NICKNAME_REQUIRED);
  const u = checkGroupMemberProfile("rongcloud", input, HOSTED_MEMBER_PROFILE_RULES);
  const member = (await readMembers(ctx, operation, u.groupId, [u.userId], options)).get(u.userId);
  if (!member)
    throw new NotFoundError(`${u.userId} is not in group ${u.groupId}.`, { vendor: "rongcloud" });
  const nickname = u.nameCard ?? member.nameCard;
  if (!nickname) {
    throw new UnsupportedByVendorError(
      "rongcloud",
      operation,
      `${NICKNAME_REQUIRED}; this member has none yet: give a nameCard with the fields`,
    );
  }
  const extra = u.fields && JSON.stringify({ ...(member.fields ?? {}), ...u.fields });
  if (extra !== undefined && [...extra].length > MEMBER_EXTRA_MAX_CHARS) {
    throw new VendorRejectedError(
      "rongcloud",
      "1005",
      `RongCloud keeps a member's custom fields in one extra string of at most ${MEMBER_EXTRA_MAX_CHARS} characters; these fields take ${[...extra].length} as JSON.`,
    );
  }
  const fields = { groupId: u.groupId, userId: u.userId, nickname, ...(extra ? { extra } : {}) };
  await post(ctx, operation, "/entrust/group/member/set.json", fields, options, true);
};
