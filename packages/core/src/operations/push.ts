import type {
  PushTask,
  PushTaskStatus,
  PushToAllInput,
  PushToAttributesInput,
  PushToTagsInput,
  PushToUsersInput,
  SetPushAttributesInput,
} from "../model/push.js";
import type { ItemResult } from "../results.js";
import { operation } from "./declare.js";

// Push notifications from the app's server: to everyone, to a tag or attribute segment,
// to listed users; and the vendor's report of a push task. Admins only. The vendors cap
// these hard (a few an hour or a day): their adapters declare the caps in rate-limits.ts,
// and a push over a cap is refused before the vendor call.

const push = { area: "push", access: "admin", action: "push notifications" } as const;

export const PUSH_OPERATIONS = {
  pushToAll: operation<PushToAllInput, PushTask>()({
    ...push,
    kind: "write",
    capability: "PUSH_ALL",
    idempotent: true,
    summary: "Push a notification to every user of the app.",
  }),
  pushToTags: operation<PushToTagsInput, PushTask>()({
    ...push,
    kind: "write",
    capability: "PUSH_TAGS",
    idempotent: true,
    summary: "Push a notification to the users holding all (or any) of some push tags.",
  }),
  pushToAttributes: operation<PushToAttributesInput, PushTask>()({
    ...push,
    kind: "write",
    capability: "PUSH_ATTRIBUTES",
    idempotent: true,
    summary: "Push a notification to the users whose push attributes hold given values.",
  }),
  pushToUsers: operation<PushToUsersInput, PushTask>()({
    ...push,
    kind: "write",
    capability: "PUSH_USERS",
    batch: "usersPerPush",
    idempotent: true,
    summary: "Push a notification to listed users.",
  }),
  setPushAttributes: operation<SetPushAttributesInput, ItemResult<true>[]>()({
    ...push,
    kind: "write",
    capability: "PUSH_ATTRIBUTES",
    batch: "usersPerTagCall",
    action: "change push attributes",
    summary: "Set push attributes of each user (the others keep their values).",
  }),
  getPushAttributes: operation<string[], ItemResult<Record<string, string>>[]>()({
    ...push,
    kind: "read",
    capability: "PUSH_ATTRIBUTES",
    batch: "usersPerTagCall",
    action: "read push attributes",
    summary: "Users' push attributes; a user with none answers {}.",
  }),
  getPushTask: operation<{ taskId: string }, PushTaskStatus>()({
    ...push,
    kind: "read",
    capability: "PUSH_STATUS",
    summary: "What the vendor reports of a push task: its state and counts.",
  }),
};
