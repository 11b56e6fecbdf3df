import {
  BadUserInputError,
  checkIds,
  checkSetPushAttributes,
  type ItemResult,
} from "@imgraph/core";
import { type Op, str, type TencentContext } from "./context.js";
import { PUSH_RULES, USER_ID, USERS_PER_TAG_CALL } from "./limits.js";
import { type PushTargetAnswer, pushTargetBatches } from "./push-targets.js";

// Push attributes: timpush/set_attr and get_attr (docs/vendors/tencent.md "Push
// notifications"), 100 accounts a call. Keys are the app's attribute names, declared once
// app-wide (console or timpush/set_attr_name) and listed in options.pushAttributes; Tencent
// refuses any other (90033), so they are refused here first.

/** A key the app named as a push attribute; BAD_USER_INPUT otherwise. */
export function checkAttributeName(ctx: TencentContext, field: string, key: string): void {
  if (!ctx.pushAttributes.includes(key)) {
    throw new BadUserInputError(
      `${field}.${key}`,
      `"${key}" is not one of the app's push attributes (options.pushAttributes: ${ctx.pushAttributes.join(", ")}).`,
    );
  }
}

/** set_attr: each user's values are set, the attributes it does not name keep theirs. */
export const setPushAttributes: Op<"setPushAttributes"> = async (ctx, input, options) => {
  const users = checkSetPushAttributes(input, { ...PUSH_RULES, usersPerCall: USERS_PER_TAG_CALL });
  users.forEach((u, i) => {
    for (const key of Object.keys(u.attributes)) {
      checkAttributeName(ctx, `users[${i}].attributes`, key);
    }
  });
  const attrsOf = new Map(users.map((u) => [u.userId, u.attributes]));
  return pushTargetBatches(
    ctx,
    users.map((u) => u.userId),
    {
      operation: "setPushAttributes",
      command: "timpush/set_attr",
      body: (chunk) => ({
        UserAttrs: chunk.map((To_Account) => ({ To_Account, Attrs: attrsOf.get(To_Account) })),
      }),
      // Setting the same values again changes nothing.
      idempotent: true,
      ok: () => true as const,
    },
    options,
  );
};

interface GetAttrAnswer extends PushTargetAnswer {
  UserAttrs?: Array<{ To_Account?: unknown; Attrs?: unknown }>;
}

/** get_attr: a user's string values; one the answer leaves out, or without any, has {}. */
export const getPushAttributes: Op<"getPushAttributes"> = async (ctx, userIds, options) =>
  pushTargetBatches<GetAttrAnswer, Record<string, string>>(
    ctx,
    checkIds("userIds", userIds, USER_ID),
    {
      operation: "getPushAttributes",
      command: "timpush/get_attr",
      body: (chunk) => ({ To_Account: chunk }),
      idempotent: true,
      ok: (id, answer) => {
        const attrs = answer.UserAttrs?.find((u) => str(u?.To_Account) === id)?.Attrs;
        if (!attrs || typeof attrs !== "object") return {};
        return Object.fromEntries(
          Object.entries(attrs).filter((e): e is [string, string] => typeof e[1] === "string"),
        );
      },
    },
    options,
  ) as Promise<ItemResult<Record<string, string>>[]>;
