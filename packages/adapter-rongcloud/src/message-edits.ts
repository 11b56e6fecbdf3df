import { checkActor, UnsupportedByVendorError, VendorRejectedError } from "@imgraph/core";
import { toRongCloud } from "./content.js";
import { type Op, post } from "./context.js";
import { USER_ID } from "./limits.js";
import { decodeMessageId, GROUP, PRIVATE } from "./message-ids.js";

// Message edits: /message/private/modify.json and /message/group/modify.json, known only from
// RongCloud's Java SDK 4.0.11 (docs/vendors/rongcloud.md §2.4, U1). The rules the server
// enforces (a 24 h window, the same message type) are unverified, so we do not pre-check
// them: any refusal comes back as VENDOR_REJECTED with RongCloud's code.

const ONLY_PRIVATE_AND_GROUP =
  "RongCloud's server API modifies only one-to-one and group messages (messageId names another kind)";
const AS_SENDER =
  "RongCloud's modify API edits a message as its sender (fromUserId) and has no admin edit; omit actorId or give the sender";

export const editMessage: Op<"editMessage"> = async (ctx, input, options) => {
  const ref = decodeMessageId(ctx, input?.messageId);
  const actor = checkActor(input.actorId, USER_ID);
  if (ref.type !== PRIVATE && ref.type !== GROUP)
    throw new UnsupportedByVendorError("rongcloud", "editMessage", ONLY_PRIVATE_AND_GROUP);
  if (actor !== undefined && actor !== ref.from)
    throw new UnsupportedByVendorError("rongcloud", "editMessage", AS_SENDER);
  const body = toRongCloud(input.content);
  const [path, targetField] =
    ref.type === GROUP
      ? ["/message/group/modify.json", "groupId"]
      : ["/message/private/modify.json", "targetId"];
  try {
    await post(
      ctx,
      "editMessage",
      path,
      { fromUserId: ref.from, [targetField]: ref.target, msgUID: ref.uid, ...body },
      options,
      true,
    );
  } catch (err) {
    throw explained(err);
  }
};

/** A parameter refusal of an edit most likely means one of the unverified rules. */
function explained(err: unknown): unknown {
  if (!(err instanceof VendorRejectedError) || err.vendorCode !== "1002") return err;
  return new VendorRejectedError(
    "rongcloud",
    "1002",
    `RongCloud refused the edit: ${err.message} (a message can be edited only within 24 hours, keeping its type, and not after a recall)`,
    err.requestId ? { requestId: err.requestId } : {},
  );
}
