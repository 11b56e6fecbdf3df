/**
 * Push attributes (Push service, timpush): the app names at most 10 attributes
 * (set_attr_name / get_attr_name, intl doc 1047/60563, 60562; cn 269/111050, 100635:
 * slots "0"-"9", names ≤ 50 bytes), then sets, reads and removes users' values (set_attr,
 * get_attr, remove_attr, 1047/60565, 60564, 60566; cn 269/100638: 100 accounts a call, values
 * ≤ 50 bytes, 90033 "invalid attribute"). Unknown accounts come back in ErrorList with 70107,
 * as the pages' partial-success examples show. set_attr keeps the values it does not name
 * (unverified: merge). 100 calls a second each.
 */
import { PUSH_TARGET_CODES, TimError } from "../errors.js";
import { type Fields, isObject, type Json, utf8Bytes } from "../fields.js";
import type { RouteDef, RouteTable } from "../route.js";
import type { Account, AppState } from "../state.js";

const ACCOUNTS_PER_CALL = 100;
const SLOTS = 10;
const NAME_MAX_BYTES = 50;
const VALUE_MAX_BYTES = 50;

const command = (handle: RouteDef["handle"]): RouteDef => ({
  codes: PUSH_TARGET_CODES,
  rules: [{ limit: 100, window: "second" }],
  handle,
});

/** Runs `apply` on each imported account; unknown ones go to ErrorList as 70107. */
function perAccount(app: AppState, ids: string[], apply: (acc: Account, i: number) => void) {
  const errors: Json[] = [];
  ids.forEach((id, i) => {
    const acc = app.accounts.get(id);
    if (acc) apply(acc, i);
    else errors.push({ To_Account: id, ErrorCode: 70107, ErrorInfo: "account not found" });
  });
  return errors.length > 0 ? { ErrorList: errors } : {};
}

/** An attribute the app named; 90033 otherwise. */
function named(app: AppState, name: unknown): string {
  if (typeof name !== "string" || ![...app.pushAttrNames.values()].includes(name)) {
    throw new TimError(90033, `${String(name)} is not one of the app's attributes`);
  }
  return name;
}

/** UserAttrs: [{To_Account, Attrs}] with Attrs read by `attrs`. */
function userAttrs<T>(f: Fields, attrs: (value: unknown) => T): { ids: string[]; attrs: T[] } {
  const items = f.objArray("UserAttrs", "To_Account", ACCOUNTS_PER_CALL);
  return {
    ids: items.map((i) => i.To_Account as string),
    attrs: items.map((i) => attrs(i.Attrs)),
  };
}

export const pushAttrRoutes: RouteTable = {
  "v4/timpush/set_attr_name": command(({ app, f }) => {
    const names = f.obj("AttrNames") ?? f.fail("AttrNames is required");
    const slots = Object.entries(names).map(([slot, name]) => {
      if (!/^\d$/.test(slot) || Number(slot) >= SLOTS) f.fail(`slot ${slot} is not "0"-"9"`);
      if (typeof name !== "string" || name === "" || utf8Bytes(name) > NAME_MAX_BYTES) {
        return f.fail(`attribute name of slot ${slot} must be 1-${NAME_MAX_BYTES} bytes`);
      }
      return [slot, name] as const;
    });
    for (const [slot, name] of slots) app.pushAttrNames.set(slot, name);
    return {};
  }),
  "v4/timpush/get_attr_name": command(({ app }) => ({
    AttrNames: Object.fromEntries([...app.pushAttrNames].sort(([a], [b]) => a.localeCompare(b))),
  })),
  "v4/timpush/set_attr": command(({ app, f }) => {
    const { ids, attrs } = userAttrs(f, (value) => {
      if (!isObject(value) || Object.keys(value).length === 0) return f.fail("Attrs is required");
      return Object.entries(value).map(([name, v]) => {
        if (typeof v !== "string" || utf8Bytes(v) > VALUE_MAX_BYTES) {
          throw new TimError(90033, `a value must be a string of at most ${VALUE_MAX_BYTES} bytes`);
        }
        return [named(app, name), v] as const;
      });
    });
    return perAccount(app, ids, (acc, i) => {
      for (const [name, v] of attrs[i] ?? []) acc.pushAttrs.set(name, v);
    });
  }),
  "v4/timpush/remove_attr": command(({ app, f }) => {
    const { ids, attrs } = userAttrs(f, (value) => {
      if (!Array.isArray(value) || value.length === 0) return f.fail("Attrs is required (names)");
      return value.map((name: unknown) => named(app, name));
    });
    return perAccount(app, ids, (acc, i) => {
      for (const name of attrs[i] ?? []) acc.pushAttrs.delete(name);
    });
  }),
  "v4/timpush/get_attr": command(({ app, f }) => {
    const ids = f.strArray("To_Account", ACCOUNTS_PER_CALL);
    const UserAttrs: Json[] = [];
    const errors = perAccount(app, ids, (acc) => {
      UserAttrs.push({ To_Account: acc.userId, Attrs: Object.fromEntries(acc.pushAttrs) });
    });
    return { UserAttrs, ...errors };
  }),
};
