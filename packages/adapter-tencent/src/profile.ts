import {
  BadUserInputError,
  checkText,
  checkUrl,
  type JsonObject,
  parseJsonObject,
  UnsupportedByVendorError,
  type User,
  utf8Bytes,
} from "@imgraph/core";
import { str } from "./context.js";
import { PROFILE_VALUE_MAX_BYTES } from "./limits.js";

// Neutral profile fields ↔ Tencent's standard profile tags (tencent.md §3.2).
export const NICK = "Tag_Profile_IM_Nick";
export const IMAGE = "Tag_Profile_IM_Image";

export interface ProfileItem {
  Tag: string;
  Value: string;
}

/** Checks a neutral profile and turns it into ProfileItems (only the fields given). */
export function toProfileItems(
  prefix: string,
  user: {
    name?: string | undefined;
    avatarUrl?: string | undefined;
    extra?: JsonObject | undefined;
  },
  extraTag: string | undefined,
): ProfileItem[] {
  const items: ProfileItem[] = [];
  if (user.name !== undefined) {
    items.push({
      Tag: NICK,
      Value: checkText(`${prefix}name`, user.name, { maxBytes: PROFILE_VALUE_MAX_BYTES }),
    });
  }
  if (user.avatarUrl !== undefined) {
    items.push({
      Tag: IMAGE,
      Value: checkUrl(`${prefix}avatarUrl`, user.avatarUrl, PROFILE_VALUE_MAX_BYTES),
    });
  }
  if (user.extra !== undefined) items.push(extraItem(`${prefix}extra`, user.extra, extraTag));
  return items;
}

function extraItem(field: string, extra: JsonObject, extraTag: string | undefined): ProfileItem {
  if (!extraTag) {
    throw new UnsupportedByVendorError(
      "tencent",
      "user extra data",
      "set extraProfileTag to a custom profile tag configured in Tencent's console",
    );
  }
  if (typeof extra !== "object" || extra === null || Array.isArray(extra)) {
    throw new BadUserInputError(field, `${field} must be a JSON object.`);
  }
  const value = JSON.stringify(extra);
  if (utf8Bytes(value) > PROFILE_VALUE_MAX_BYTES) {
    throw new BadUserInputError(
      field,
      `${field} must be at most ${PROFILE_VALUE_MAX_BYTES} bytes as JSON.`,
    );
  }
  return { Tag: extraTag, Value: value };
}

/** The tags a profile read asks for. */
export function profileTags(extraTag: string | undefined): string[] {
  return extraTag ? [NICK, IMAGE, extraTag] : [NICK, IMAGE];
}

/** A portrait_get item's ProfileItem list → neutral User. */
export function fromProfileItems(id: string, items: unknown, extraTag: string | undefined): User {
  const list = Array.isArray(items) ? (items as Array<{ Tag?: unknown; Value?: unknown }>) : [];
  const value = (tag: string) => str(list.find((i) => i?.Tag === tag)?.Value);
  return {
    id,
    name: value(NICK) || null,
    avatarUrl: value(IMAGE) || null,
    extra: extraTag ? parseJsonObject(value(extraTag)) : null,
  };
}
