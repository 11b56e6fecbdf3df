import type { TencentContext } from "./context.js";

/**
 * What sendMessage asks of Tencent for the app's lifecycle options: extensions can be set
 * only on messages sent with SupportMessageExtension 1 (§5), and read receipts exist only for
 * messages sent with IsNeedReadReceipt 1 (§2.6: doocs' name; the field is unverified on REST,
 * and one-to-one sends carry it too, as the sendmsg reference lists it).
 */
export function sendFlags(ctx: TencentContext): Record<string, number> {
  return {
    ...(ctx.messageExtensions ? { SupportMessageExtension: 1 } : {}),
    ...(ctx.readReceipts ? { IsNeedReadReceipt: 1 } : {}),
  };
}
