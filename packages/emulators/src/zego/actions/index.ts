/**
 * Every implemented Action, by product. ZIM Actions that the reference documents but we do
 * not emulate (friend applications, delivery receipts, calls...) answer
 * 100000007 like unknown ones.
 */
import type { Product } from "../envelope.js";
import { blocklistActions } from "./blocklist.js";
import { conversationActions } from "./conversation.js";
import { conversationMarkActions } from "./conversation-marks.js";
import { conversationSettingActions } from "./conversation-settings.js";
import { friendReadActions } from "./friend-reads.js";
import { friendUpdateActions } from "./friend-updates.js";
import { friendActions } from "./friends.js";
import { groupActions } from "./group.js";
import { groupAdminActions } from "./group-admin.js";
import { groupAttributeActions } from "./group-attributes.js";
import { groupForbidListActions } from "./group-forbid-list.js";
import { historyActions } from "./history.js";
import { importActions } from "./import.js";
import { messageActions } from "./message.js";
import { messageClearActions } from "./message-clear.js";
import { messageEditActions } from "./message-edit.js";
import { receiptActions } from "./receipts.js";
import { roomActions } from "./room.js";
import { roomAttributeActions } from "./room-attributes.js";
import { rtcActions } from "./rtc.js";
import type { ActionDef, ActionTable } from "./types.js";
import { userActions } from "./user.js";

export const ZIM_ACTIONS: ActionTable = {
  ...userActions,
  ...blocklistActions,
  ...friendActions,
  ...friendReadActions,
  ...friendUpdateActions,
  ...groupActions,
  ...groupAdminActions,
  ...groupAttributeActions,
  ...groupForbidListActions,
  ...messageActions,
  ...historyActions,
  ...roomActions,
  ...roomAttributeActions,
  ...conversationActions,
  ...conversationSettingActions,
  ...conversationMarkActions,
  ...messageEditActions,
  ...messageClearActions,
  ...receiptActions,
  ...importActions,
};

export const RTC_ACTIONS: ActionTable = rtcActions;

export function findAction(product: Product, action: string): ActionDef | undefined {
  const table = product === "zim" ? ZIM_ACTIONS : RTC_ACTIONS;
  return Object.hasOwn(table, action) ? table[action] : undefined;
}

/** The product an Action name belongs to (the two sets do not overlap). */
export function productOfAction(action: string): Product | undefined {
  if (Object.hasOwn(ZIM_ACTIONS, action)) return "zim";
  if (Object.hasOwn(RTC_ACTIONS, action)) return "rtc";
  return undefined;
}
