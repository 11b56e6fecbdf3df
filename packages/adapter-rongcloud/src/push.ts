import {
  type CallOptions,
  checkIds,
  checkPushBase,
  checkPushTags,
  checkPushUsers,
  checkText,
  type PushBase,
  type PushTask,
} from "@imgraph/core";
import { toRongCloud } from "./content.js";
import { type Op, post, postJson, type RongCloudContext } from "./context.js";
import { PUSH_RULES, PUSH_TITLE_MAX_CHARS, USER_ID } from "./limits.js";
import { type PublishAnswer, pushFields } from "./publish.js";

/**
 * A message to every user of the app (RongCloud's broadcast: enabled per app key in the
 * console, at most 2 an hour; options.features.broadcast turns it on here).
 */
export const broadcastMessage: Op<"broadcastMessage"> = async (ctx, input, options) => {
  const [from] = checkIds("from", [input?.from], USER_ID) as [string];
  const body = toRongCloud(input.content);
  const answer = await post<PublishAnswer>(
    ctx,
    "broadcastMessage",
    "/message/broadcast.json",
    { fromUserId: from, ...body, ...pushFields(input.pushText) },
    options,
    false,
  );
  return { messageId: typeof answer.messageUID === "string" ? answer.messageUID : null };
};

// Push notifications (vendor notes "Push notifications"): push-only notifications, shown in
// the notification bar and kept nowhere. They carry no sender, so `from` is checked and not
// sent; RongCloud has no field to deduplicate a push by, so the gateway's idempotency key
// stays the gateway's.

/** Where RongCloud's push-only notifications go: its iOS and Android push channels. */
const PLATFORMS = ["ios", "android"];

/**
 * The neutral notification as RongCloud's: the text under `text` (`alert` for /push.json,
 * `pushContent` for /push/user.json), the title (also under `ios`, where older servers read
 * it), the data as `extras.data` of each platform.
 */
function notificationOf(input: PushBase, text: "alert" | "pushContent"): Record<string, unknown> {
  const n = checkPushBase(input, PUSH_RULES);
  if (n.title !== undefined) {
    checkText("notification.title", n.title, { maxChars: PUSH_TITLE_MAX_CHARS });
  }
  const extras = n.data !== undefined ? { extras: { data: n.data } } : {};
  const title = n.title !== undefined ? { title: n.title } : {};
  const ios = { ...title, ...extras };
  return {
    [text]: n.body,
    ...title,
    ...(Object.keys(ios).length > 0 ? { ios } : {}),
    ...(n.data !== undefined ? { android: extras } : {}),
  };
}

/** A `/push.json` push (broadcast service, 2 an hour and 3 a day with broadcasts). */
async function pushJson(
  ctx: RongCloudContext,
  operation: string,
  audience: Record<string, unknown>,
  notification: Record<string, unknown>,
  options: CallOptions | undefined,
): Promise<PushTask> {
  const answer = await postJson<{ id?: unknown }>(
    ctx,
    operation,
    "/push.json",
    { platform: PLATFORMS, audience, notification },
    options,
    // A resent push would reach everyone twice and spend the small quota again.
    false,
  );
  return { taskId: typeof answer.id === "string" && answer.id !== "" ? answer.id : null };
}

export const pushToAll: Op<"pushToAll"> = (ctx, input, options) =>
  pushJson(ctx, "pushToAll", { is_to_all: true }, notificationOf(input, "alert"), options);

/** allOf is RongCloud's `tag` (AND), anyOf its `tag_or` (OR): the tags of setUserTags. */
export const pushToTags: Op<"pushToTags"> = (ctx, input, options) => {
  const notification = notificationOf(input, "alert");
  const { match, tags } = checkPushTags(input, PUSH_RULES);
  const audience = { is_to_all: false, [match === "all" ? "tag" : "tag_or"]: tags };
  return pushJson(ctx, "pushToTags", audience, notification, options);
};

/** `/push/user.json`: ≤100 users (limits.usersPerPush), 100 users a second. */
export const pushToUsers: Op<"pushToUsers"> = async (ctx, input, options) => {
  const notification = notificationOf(input, "pushContent");
  const userIds = checkPushUsers(input, PUSH_RULES);
  const answer = await postJson<{ id?: unknown }>(
    ctx,
    "pushToUsers",
    "/push/user.json",
    { userIds, notification },
    options,
    false,
  );
  // The documented answer is `{code: 200}` alone; an id, should one come, is kept.
  return { taskId: typeof answer.id === "string" && answer.id !== "" ? answer.id : null };
};
