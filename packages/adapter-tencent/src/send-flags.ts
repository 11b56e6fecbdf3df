import type { TencentContext } from "./context.js";

/**
 * What sendMessage asks of Tencent for the app's lifecycle options: extensions can be set
 * only on messages sent with SupportMessageExtension 1 (§5), and read receipts exist only for
 * messages sent with a read-receipt flag (§2.6). One-to-one sends name it IsNeedReadReceipt
 * (sendmsg's table); for group sends the name is unsettled (a community SDK and the shared
 * reference say NeedReadReceipt, older notes IsNeedReadReceipt), so both are sent: Tencent
 * ignores a field it does not know.
 */
export function sendFlags(ctx: TencentContext, to: "users" | "group"): Record<string, number> {
  const receipts: Record<string, number> =
    to === "group" ? { NeedReadReceipt: 1, IsNeedReadReceipt: 1 } : { IsNeedReadReceipt: 1 };
  return {
    ...(ctx.messageExtensions ? { SupportMessageExtension: 1 } : {}),
    ...(ctx.readReceipts ? receipts : {}),
  };
}
