import {
  BadUserInputError,
  checkRemoveUserAttributes,
  checkSetUserAttributes,
  type UserAttributeRules,
  type UserAttributes,
} from "@imgraph/core";
import type { Op, TencentContext } from "./context.js";
import {
  PROFILE_VALUE_MAX_BYTES,
  USER_ATTRIBUTE_KEY,
  USER_ATTRIBUTE_PREFIX,
  USER_ID,
} from "./limits.js";
import { readPortraits, setPortrait } from "./portraits.js";

// User attributes are Tencent's custom profile fields, Tag_Profile_Custom_<key>
// (docs/vendors/tencent.md "Social graph and user depth" §14b): declared in the console
// (options.userAttributes), string values of at most 500 bytes. Tencent has no "remove":
// a removed attribute is set to "" and "" reads as absent (deletion by "" is unverified).

const rules = (ctx: TencentContext): UserAttributeRules => ({
  user: USER_ID,
  key: {
    pattern: USER_ATTRIBUTE_KEY,
    description: "letters, digits and underscores (a custom profile field's keyword)",
  },
  valueMaxBytes: PROFILE_VALUE_MAX_BYTES,
  max: ctx.userAttributes.length,
});

/** Tencent refuses a field the console does not declare (40009): refused here first. */
function declared(ctx: TencentContext, field: string, key: string): void {
  if (!ctx.userAttributes.includes(key)) {
    throw new BadUserInputError(
      field,
      `${field}: "${key}" is not one of options.userAttributes (${ctx.userAttributes.join(", ")}).`,
    );
  }
}

const item = (key: string, Value: string) => ({ Tag: USER_ATTRIBUTE_PREFIX + key, Value });

export const setUserAttributes: Op<"setUserAttributes"> = async (ctx, input, options) => {
  const { userId, attributes } = checkSetUserAttributes(input, rules(ctx));
  const keys = Object.keys(attributes);
  for (const key of keys) declared(ctx, `attributes.${key}`, key);
  const items = keys.map((key) => item(key, attributes[key] as string));
  await setPortrait(ctx, "setUserAttributes", userId, items, options);
};

export const removeUserAttributes: Op<"removeUserAttributes"> = async (ctx, input, options) => {
  const { userId, keys } = checkRemoveUserAttributes(input, rules(ctx));
  for (const [i, key] of input.keys.entries()) declared(ctx, `keys[${i}]`, key);
  const items = keys.map((key) => item(key, ""));
  await setPortrait(ctx, "removeUserAttributes", userId, items, options);
};

/** The declared fields a portrait_get answered; "" (removed) and other tags are left out. */
function toAttributes(items: unknown): UserAttributes {
  const attributes: UserAttributes = {};
  for (const i of Array.isArray(items)
    ? (items as Array<{ Tag?: unknown; Value?: unknown }>)
    : []) {
    if (typeof i?.Tag !== "string" || !i.Tag.startsWith(USER_ATTRIBUTE_PREFIX)) continue;
    if (typeof i.Value === "string" && i.Value !== "") {
      attributes[i.Tag.slice(USER_ATTRIBUTE_PREFIX.length)] = i.Value;
    }
  }
  return attributes;
}

/** The declared fields of each user (portrait_get). */
export const getUserAttributes: Op<"getUserAttributes"> = async (ctx, userIds, options) =>
  readPortraits(
    ctx,
    userIds,
    {
      operation: "getUserAttributes",
      tags: ctx.userAttributes.map((k) => USER_ATTRIBUTE_PREFIX + k),
      value: (_, items) => toAttributes(items),
    },
    options,
  );
