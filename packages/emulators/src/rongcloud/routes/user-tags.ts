/** Push tags of users (`/user/tag/*`, rongcloud.md §3): JSON bodies to set, a form to read. */
import { invalid, missing } from "../errors.js";
import { type Params, REF_RULE, type StringRule } from "../params.js";
import type { RouteTable } from "../route.js";

const TAGS_MAX = 20;
/**
 * ≤40 bytes, "no special characters" (undefined by the doc, §3): letters, digits, CJK, _ and
 * - are accepted, anything else is 1002.
 */
export const TAG_RULE: StringRule = {
  maxBytes: 40,
  pattern: /^[\p{Script=Han}A-Za-z0-9_-]+$/u,
  patternText: "may contain only letters, digits, CJK, _ and -",
};

/**
 * The `tags` array: required, ≤20. An empty array clears (the doc says so for set; Java
 * refuses it client-side; batch set with [] is unverified and clears too here).
 */
function readTags(p: Params): string[] {
  const raw = p.value("tags");
  if (raw === undefined || raw === null) throw missing("tags");
  if (!Array.isArray(raw)) throw invalid("tags", "must be an array");
  const tags = p.list("tags", { max: TAGS_MAX, ...TAG_RULE });
  if (tags.length !== raw.length) throw invalid("tags", "must not hold empty tags");
  return [...new Set(tags)];
}

export const userTagRoutes: RouteTable = {
  "/user/tag/set.json": {
    json: true,
    handle({ app, p }) {
      const userId = p.required("userId", REF_RULE);
      app.tags.set(userId, readTags(p));
      return undefined;
    },
  },
  "/user/tag/batch/set.json": {
    json: true,
    // Documented at 10 requests per second (§3).
    limit: () => ({ rules: [{ limit: 10, window: "second" }], cost: 1 }),
    handle({ app, p }) {
      const userIds = p.list("userIds", { required: true, max: 1000, ...REF_RULE });
      const tags = readTags(p);
      for (const u of userIds) app.tags.set(u, [...tags]);
      return undefined;
    },
  },
  "/user/tags/get.json": {
    handle({ app, p }) {
      // ≤50 users, the key repeated (§3).
      const userIds = p.list("userIds", { required: true, max: 50, ...REF_RULE });
      // Every user asked is answered; one never tagged has [] (unverified: [] or absent).
      return { result: Object.fromEntries(userIds.map((u) => [u, app.tags.get(u) ?? []])) };
    },
  },
};
