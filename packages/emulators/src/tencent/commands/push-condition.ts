/**
 * The audience of an all-member push (timpush/push, all_member_push/im_push): everyone, or
 * the accounts a Condition selects by push tags or push attributes. Checks and codes from
 * the push error table (intl doc 1047/74196, cn 269/117847): tags and attributes together
 * 90039, more than 10 tags 90032, an empty tag 90040, a tag over 50 bytes 90020, a tag both
 * in TagsOr and TagsAnd 90022, an attribute the app has not named 90033.
 */
import { TimError } from "../errors.js";
import { isObject, type Json, utf8Bytes } from "../fields.js";
import type { Account, AppState } from "../state.js";

const TAGS_PER_LIST = 10;
const TAG_MAX_BYTES = 50;
const TAG_KEYS = ["TagsAnd", "TagsOr", "TagsNot"] as const;
const ATTR_KEYS = ["AttrsAnd", "AttrsOr"] as const;

export interface Audience {
  tagsAnd?: string[];
  tagsOr?: string[];
  tagsNot?: string[];
  attrsAnd?: [string, string][];
  attrsOr?: [string, string][];
}

function tagList(condition: Json, key: (typeof TAG_KEYS)[number]): string[] | undefined {
  const list = condition[key];
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) throw new TimError(90001, `Condition.${key} must be an array`);
  if (list.length > TAGS_PER_LIST) {
    throw new TimError(90032, `Condition.${key} names more than ${TAGS_PER_LIST} tags`);
  }
  for (const tag of list) {
    if (typeof tag !== "string") throw new TimError(90001, `Condition.${key} holds a non-string`);
    if (tag === "") throw new TimError(90040, `Condition.${key} holds an empty tag`);
    if (utf8Bytes(tag) > TAG_MAX_BYTES) {
      throw new TimError(90020, `a tag is longer than ${TAG_MAX_BYTES} bytes`);
    }
  }
  return list as string[];
}

function attrList(
  app: AppState,
  condition: Json,
  key: (typeof ATTR_KEYS)[number],
): [string, string][] | undefined {
  const attrs = condition[key];
  if (attrs === undefined || attrs === null) return undefined;
  if (!isObject(attrs)) throw new TimError(90001, `Condition.${key} must be an object`);
  const named = new Set(app.pushAttrNames.values());
  return Object.entries(attrs).map(([name, value]) => {
    if (!named.has(name)) throw new TimError(90033, `attribute ${name} is not an app attribute`);
    if (typeof value !== "string") throw new TimError(90033, `attribute ${name} must be a string`);
    return [name, value];
  });
}

/** The Condition checked; undefined = every account. */
export function parseCondition(app: AppState, condition: Json | undefined): Audience | undefined {
  if (!condition) return undefined;
  const tags = TAG_KEYS.some((k) => condition[k] !== undefined && condition[k] !== null);
  const attrs = ATTR_KEYS.some((k) => condition[k] !== undefined && condition[k] !== null);
  if (tags && attrs) throw new TimError(90039, "a push goes by attributes or by tags, not both");
  const audience: Audience = {};
  const tagsAnd = tagList(condition, "TagsAnd");
  const tagsOr = tagList(condition, "TagsOr");
  const tagsNot = tagList(condition, "TagsNot");
  if (tagsAnd && tagsOr?.some((t) => tagsAnd.includes(t))) {
    throw new TimError(90022, "a tag is both in TagsOr and TagsAnd");
  }
  const attrsAnd = attrList(app, condition, "AttrsAnd");
  const attrsOr = attrList(app, condition, "AttrsOr");
  if (tagsAnd) audience.tagsAnd = tagsAnd;
  if (tagsOr) audience.tagsOr = tagsOr;
  if (tagsNot) audience.tagsNot = tagsNot;
  if (attrsAnd) audience.attrsAnd = attrsAnd;
  if (attrsOr) audience.attrsOr = attrsOr;
  return audience;
}

/**
 * Whether the account is in the audience: And lists must all hold, Or lists one of theirs,
 * and TagsNot excludes an account holding all of its tags (the page's example: "(A or B)
 * and not (C and D)"). Lists given together must all be met (unverified: the pages say
 * And and Or "may coexist" without saying how they combine).
 */
export function inAudience(acc: Account, audience: Audience): boolean {
  const tags = acc.pushTags;
  const attrs = acc.pushAttrs;
  const hasAttr = ([k, v]: [string, string]) => attrs.get(k) === v;
  if (audience.tagsAnd && !audience.tagsAnd.every((t) => tags.has(t))) return false;
  if (audience.tagsOr && !audience.tagsOr.some((t) => tags.has(t))) return false;
  if (audience.tagsNot?.length && audience.tagsNot.every((t) => tags.has(t))) return false;
  if (audience.attrsAnd && !audience.attrsAnd.every(hasAttr)) return false;
  if (audience.attrsOr && !audience.attrsOr.some(hasAttr)) return false;
  return true;
}
