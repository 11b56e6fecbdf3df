/**
 * Push tags, service all_member_push (docs/vendors/tencent.md "Social graph and user depth"
 * §15): im_add_tag, im_get_tag, im_remove_tag, im_remove_all_tags. At most 100 accounts a
 * call (90018), 10 tags per account per call, 100 tags per account, a tag ≤ 50 bytes.
 * Tencent lists no tag-specific code: 90033 (its "invalid attribute") for a tag problem and
 * per-account ErrorList entries as the timpush twins answer them are this emulator's choice
 * (unverified).
 */
import { PUSH_TARGET_CODES, TimError } from "../errors.js";
import { type Fields, type Json, utf8Bytes } from "../fields.js";
import type { RouteDef, RouteTable } from "../route.js";
import type { Account, AppState } from "../state.js";

const ACCOUNTS_PER_CALL = 100;
const TAGS_PER_ITEM = 10;
const TAGS_PER_ACCOUNT = 100;
const TAG_MAX_BYTES = 50;

interface ErrorItem {
  To_Account: string;
  ErrorCode: number;
  ErrorInfo: string;
}

/** Runs `apply` on each imported account; unknown ones go to ErrorList as 70107. */
function eachAccount(
  app: AppState,
  ids: string[],
  apply: (acc: Account, i: number) => ErrorItem | undefined,
): ErrorItem[] {
  const errors: ErrorItem[] = [];
  ids.forEach((id, i) => {
    const acc = app.accounts.get(id);
    const error = acc
      ? apply(acc, i)
      : { To_Account: id, ErrorCode: 70107, ErrorInfo: "account not found" };
    if (error) errors.push(error);
  });
  return errors;
}

/** {@link eachAccount} for a change that cannot fail on an imported account. */
function forEachAccount(
  app: AppState,
  ids: string[],
  apply: (acc: Account, i: number) => void,
): ErrorItem[] {
  return eachAccount(app, ids, (acc, i) => {
    apply(acc, i);
    return undefined;
  });
}

/** UserTags: [{To_Account, Tags}], each with 1-10 tags of 1-50 bytes (90033 otherwise). */
function userTags(f: Fields): { ids: string[]; tags: string[][] } {
  const items = f.objArray("UserTags", "To_Account", ACCOUNTS_PER_CALL);
  const tags = items.map((item: Json) => {
    const list = item.Tags;
    if (!Array.isArray(list) || list.length === 0) f.fail("UserTags[].Tags is required");
    if (list.length > TAGS_PER_ITEM) {
      throw new TimError(90033, `at most ${TAGS_PER_ITEM} tags per account in one call`);
    }
    for (const tag of list) {
      if (typeof tag !== "string" || tag === "" || utf8Bytes(tag) > TAG_MAX_BYTES) {
        throw new TimError(90033, `a tag must be a string of 1-${TAG_MAX_BYTES} bytes`);
      }
    }
    return list as string[];
  });
  return { ids: items.map((i) => i.To_Account as string), tags };
}

const answer = (errors: ErrorItem[], extra: Json = {}) => ({
  ...extra,
  ...(errors.length > 0 ? { ErrorList: errors } : {}),
});

/** The four commands share the push target codes and a limit of 100 calls a second. */
const tagCommand = (handle: RouteDef["handle"]): RouteDef => ({
  codes: PUSH_TARGET_CODES,
  rules: [{ limit: 100, window: "second" }],
  handle,
});

export const pushTagRoutes: RouteTable = {
  "v4/all_member_push/im_add_tag": tagCommand(({ app, f }) => {
    const { ids, tags } = userTags(f);
    return answer(
      eachAccount(app, ids, (acc, i) => {
        const next = new Set([...acc.pushTags, ...(tags[i] ?? [])]);
        if (next.size > TAGS_PER_ACCOUNT) {
          return {
            To_Account: acc.userId,
            ErrorCode: 90033,
            ErrorInfo: `an account holds at most ${TAGS_PER_ACCOUNT} tags`,
          };
        }
        acc.pushTags = next;
        return undefined;
      }),
    );
  }),
  "v4/all_member_push/im_remove_tag": tagCommand(({ app, f }) => {
    const { ids, tags } = userTags(f);
    return answer(
      forEachAccount(app, ids, (acc, i) => {
        for (const tag of tags[i] ?? []) acc.pushTags.delete(tag);
      }),
    );
  }),
  "v4/all_member_push/im_remove_all_tags": tagCommand(({ app, f }) => {
    const ids = f.strArray("To_Account", ACCOUNTS_PER_CALL);
    return answer(forEachAccount(app, ids, (acc) => acc.pushTags.clear()));
  }),
  "v4/all_member_push/im_get_tag": tagCommand(({ app, f }) => {
    const ids = f.strArray("To_Account", ACCOUNTS_PER_CALL);
    const UserTags: { To_Account: string; Tags: string[] }[] = [];
    const errors = forEachAccount(app, ids, (acc) => {
      UserTags.push({ To_Account: acc.userId, Tags: [...acc.pushTags] });
    });
    return answer(errors, { UserTags });
  }),
};
