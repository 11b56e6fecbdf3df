/**
 * Simulated client sessions (control API login/logout, REST kick) and the
 * State.StateChange callback they trigger (tencent.md §4.4).
 */
import type { TencentCallbacks } from "./callbacks.js";
import type { Account, AppState } from "./state.js";

export type StateAction = "Login" | "Logout" | "Disconnect";
export type StateReason = "Register" | "Unregister" | "LinkClose" | "TimeOut";

/** OptPlatform of State.StateChange spells iOS in upper case (§4.1). */
export function statePlatform(platform: string): string {
  return platform.toLowerCase() === "ios" ? "IOS" : platform;
}

export function stateChange(
  callbacks: TencentCallbacks,
  app: AppState,
  acc: Account,
  action: StateAction,
  reason: StateReason,
  platform: string,
): void {
  callbacks.send(
    app,
    "State.StateChange",
    { Info: { To_Account: acc.userId, Action: action, Reason: reason } },
    statePlatform(platform),
  );
}

/** Ends every session of an account (kick, delete); one StateChange when it was online. */
export function endSessions(
  callbacks: TencentCallbacks,
  app: AppState,
  acc: Account,
  action: StateAction,
  reason: StateReason,
): void {
  const first = acc.sessions.keys().next();
  if (first.done) return;
  acc.sessions.clear();
  stateChange(callbacks, app, acc, action, reason, first.value);
}
