/**
 * Finding a stored message for the lifecycle commands (extensions, receipts): one still in
 * history, i.e. stored, not recalled or deleted for everyone, within retention.
 */
import type { AppState, C2CMessage, Group, GroupMessage } from "./state.js";
import { pairKey } from "./state.js";

export function liveGroupMessage(
  app: AppState,
  g: Group,
  seq: number,
  now: number,
): GroupMessage | undefined {
  const m = Number.isInteger(seq) && seq >= 1 ? g.messages[seq - 1] : undefined;
  if (!m || m.onlineOnly || m.recalled || m.deleted) return undefined;
  return m.time >= now - app.config.retentionSeconds ? m : undefined;
}

/** By sender, recipient and MsgKey (a one-sided delete leaves it to the other side). */
export function liveC2CMessage(
  app: AppState,
  from: string,
  to: string,
  key: string,
  now: number,
): C2CMessage | undefined {
  const oldest = now - app.config.retentionSeconds;
  return (app.conversations.get(pairKey(from, to)) ?? []).find(
    (m) => m.key === key && m.from === from && m.to === to && !m.recalled && m.time >= oldest,
  );
}

/** Pro, Pro Plus and Enterprise (here "pro" and "ultimate") carry extensions and group receipts. */
export function proEdition(app: AppState): boolean {
  return app.config.edition === "pro" || app.config.edition === "ultimate";
}
