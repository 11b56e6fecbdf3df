/**
 * A push notification: what the user's device shows when the app is in the background.
 * Vendors that push as a message (Tencent, ZEGO) also deliver the body to online clients.
 */
export interface PushNotification {
  /** The notification's title; the vendor's default (the app's name) when absent. */
  title?: string;
  /** The text shown. */
  body: string;
  /** The app's own payload handed to the client with the notification (opaque string). */
  data?: string;
}

/** What every push takes besides its audience. */
export interface PushBase {
  notification: PushNotification;
  /** Who the push comes from where the vendor shows a sender; the app's admin otherwise. */
  from?: string;
  /**
   * The caller's key for this push (1–64 of A–Z a–z 0–9 _ - : .): the same key with the same
   * push answers the first push's task instead of pushing again; with another push, it is
   * refused. Kept for 24 hours.
   */
  idempotencyKey?: string;
}

export type PushToAllInput = PushBase;

/** Users holding tags (the push tags of `setUserTags`): all of `allOf`, or any of `anyOf`. */
export interface PushToTagsInput extends PushBase {
  allOf?: string[];
  anyOf?: string[];
}

/** Users whose push attributes hold every one of these values. */
export interface PushToAttributesInput extends PushBase {
  attributes: Record<string, string>;
}

export interface PushToUsersInput extends PushBase {
  userIds: string[];
}

/** A push the vendor accepted: its task, where the vendor names one. */
export interface PushTask {
  /** The vendor's task id (for getPushTask); null where the vendor gives none. */
  taskId: string | null;
}

export type PushTaskState = "QUEUED" | "SENDING" | "DONE" | "FAILED" | "UNKNOWN";

/** What the vendor reports of a push task. */
export interface PushTaskStatus {
  taskId: string;
  state: PushTaskState;
  /** Users the push was meant for; null where the vendor does not say. */
  targeted: number | null;
  /** Devices or users the vendor handed it to; null where the vendor does not say. */
  sent: number | null;
  /** Users who opened it; null where the vendor does not say. */
  opened: number | null;
}

/** Push attributes (segment keys the vendor targets pushes by), per user. */
export interface SetPushAttributesInput {
  users: { userId: string; attributes: Record<string, string> }[];
}
