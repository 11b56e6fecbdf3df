/** Profiles, service profile (tencent.md §3.2): standard Tag_Profile_IM_* tags and custom tags. */
import { PROFILE_CODES, TimError } from "../errors.js";
import { isObject, utf8Bytes } from "../fields.js";
import type { RouteTable } from "../route.js";
import type { AppState, ProfileValue } from "../state.js";

interface TagRule {
  type: "string" | "uint32" | "uint64";
  values?: string[];
  maxBytes?: number;
}

const STANDARD: Record<string, TagRule> = {
  Tag_Profile_IM_Nick: { type: "string" },
  Tag_Profile_IM_Gender: {
    type: "string",
    values: ["Gender_Type_Unknown", "Gender_Type_Female", "Gender_Type_Male"],
  },
  Tag_Profile_IM_BirthDay: { type: "uint32" },
  Tag_Profile_IM_Location: { type: "string", maxBytes: 16 },
  Tag_Profile_IM_SelfSignature: { type: "string" },
  Tag_Profile_IM_AllowType: {
    type: "string",
    values: ["AllowType_Type_NeedConfirm", "AllowType_Type_AllowAny", "AllowType_Type_DenyAny"],
  },
  Tag_Profile_IM_Language: { type: "uint32" },
  Tag_Profile_IM_Image: { type: "string" },
  Tag_Profile_IM_MsgSettings: { type: "uint32" },
  Tag_Profile_IM_AdminForbidType: {
    type: "string",
    values: ["AdminForbid_Type_None", "AdminForbid_Type_SendOut"],
  },
  Tag_Profile_IM_Level: { type: "uint32" },
  Tag_Profile_IM_Role: { type: "uint32" },
};

const TAG_NAME = /^[A-Za-z0-9_]+$/;
const CUSTOM_PREFIX = "Tag_Profile_Custom_";
const MAX_VALUE_BYTES = 500;
const MAX_READ = 100;

/** The rule of a tag; throws 40009 for a tag the app does not have. */
function ruleOf(app: AppState, tag: string): TagRule {
  if (!TAG_NAME.test(tag)) throw new TimError(40001, `tag ${tag} has invalid characters`);
  const std = STANDARD[tag];
  if (std) return std;
  const custom = app.config.customProfileTags;
  if (
    tag.startsWith(CUSTOM_PREFIX) &&
    tag.length > CUSTOM_PREFIX.length &&
    (!custom || custom.has(tag))
  ) {
    return { type: "string" };
  }
  throw new TimError(40009, `tag ${tag} does not exist`);
}

function checkValue(tag: string, rule: TagRule, value: unknown): ProfileValue {
  if (rule.type === "string") {
    if (typeof value !== "string") throw new TimError(40610, `${tag} takes a string`);
    if (utf8Bytes(value) > (rule.maxBytes ?? MAX_VALUE_BYTES)) {
      throw new TimError(40601, `${tag} is over ${rule.maxBytes ?? MAX_VALUE_BYTES} bytes`);
    }
    if (rule.values && !rule.values.includes(value))
      throw new TimError(40605, `${tag} value is invalid`);
    return value;
  }
  const max = rule.type === "uint32" ? 4_294_967_295 : Number.MAX_SAFE_INTEGER;
  if (typeof value !== "number" || !Number.isInteger(value))
    throw new TimError(40610, `${tag} takes an integer`);
  if (value < 0 || value > max) throw new TimError(40605, `${tag} is out of range`);
  return value;
}

export const profileRoutes: RouteTable = {
  "v4/profile/portrait_set": {
    codes: PROFILE_CODES,
    handle({ app, f, admin, callbacks }) {
      const from = f.str("From_Account", 40002);
      const items = f.array("ProfileItem", 1_000);
      const acc = app.accounts.get(from);
      if (!acc) throw new TimError(40003, `${from} is not imported`);
      const updates: [string, ProfileValue][] = [];
      for (const item of items) {
        if (!isObject(item) || typeof item.Tag !== "string" || item.Value === undefined) {
          throw new TimError(40001, "ProfileItem needs Tag and Value");
        }
        updates.push([item.Tag, checkValue(item.Tag, ruleOf(app, item.Tag), item.Value)]);
      }
      // All-or-nothing: nothing is written when one item is refused.
      for (const [tag, value] of updates) acc.profile.set(tag, value);
      callbacks.send(app, "Profile.CallbackPortraitSet", {
        Operator_Account: admin,
        From_Account: from,
        ProfileItem: updates.map(([Tag, Value]) => ({ Tag, Value })),
      });
      return undefined;
    },
  },
  "v4/profile/portrait_get": {
    codes: PROFILE_CODES,
    handle({ app, f }) {
      if (!f.has("To_Account")) throw new TimError(40002, "To_Account is required");
      const ids = f.strArray("To_Account", MAX_READ);
      const tags = f.strArray("TagList", 1_000);
      for (const tag of tags) ruleOf(app, tag);
      const Fail_Account: string[] = [];
      const UserProfileItem = ids.map((id) => {
        const acc = app.accounts.get(id);
        if (!acc) {
          // Per-item failure inside an OK answer (whole-call vs per-item is unverified).
          Fail_Account.push(id);
          return {
            To_Account: id,
            ProfileItem: [],
            ResultCode: 40003,
            ResultInfo: "account not found",
          };
        }
        const ProfileItem = tags.flatMap((Tag) => {
          const Value = acc.profile.get(Tag);
          return Value === undefined ? [] : [{ Tag, Value }];
        });
        return { To_Account: id, ProfileItem, ResultCode: 0, ResultInfo: "" };
      });
      return { UserProfileItem, ...(Fail_Account.length > 0 ? { Fail_Account } : {}) };
    },
  },
};
