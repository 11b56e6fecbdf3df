/**
 * Simulated client sessions (control API login/logout, REST kick) and the
 * State.StateChange callback they trigger (tencent.md §4.4).
 */
import type { TencentCallbacks } from "./callbacks.js";
import type { Account, AppState } from "./state.js";

export type StateAction = "Login" | "Logout" | "Disconnect" | "CustomStatusChange";
export type StateReason = "Register" | "Unregister" | "LinkClose" | "TimeOut" | "SetCustomStatus";

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
  customStatus?: string,
): void {
  callbacks.send(
    app,
    "State.StateChange",
    {
      Info: { To_Account: acc.userId, Action: action, Reason: reason },
      ...(customStatus === undefined ? {} : { CustomStatus: customStatus }),
    },
    statePlatform(platform),
  );
}

/**
 * A client's setSelfStatus (cn 269/2570: Action CustomStatusChange, Reason SetCustomStatus,
 * the new `CustomStatus`), sent from the platform the user is online on (Web when offline).
 */
export function customStatusChange(
  callbacks: TencentCallbacks,
  app: AppState,
  acc: Account,
  status: string,
): void {
  const platform = acc.sessions.keys().next().value ?? "Web";
  stateChange(callbacks, app, acc, "CustomStatusChange", "SetCustomStatus", platform, status);
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
