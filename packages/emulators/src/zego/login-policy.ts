/**
 * Which online sessions a login on a new device ends, per the app's ZIM login policy
 * (docs/vendors/zego.md "Multi-device login and user_action sessions"). At the policy's limit
 * ZIM kicks the session that logged in earliest rather than refusing the new login.
 */
import type { LoginPolicy } from "./options.js";
import type { Session } from "./state.js";

/** Web is its own class; every other os is a "native" device (mini programs too, per the zh page). */
type DeviceClass = "web" | "native" | "any";

/** Sessions one class may hold: "single" counts every device alike, "dual" one native + one Web. */
const LIMITS: Record<LoginPolicy, number> = { single: 1, dual: 1, multi: 10 };

function classOf(policy: LoginPolicy, os: string): DeviceClass {
  if (policy === "single") return "any";
  return os === "WEB" ? "web" : "native";
}

/** The sessions (oldest first) a login with `os` on a device not yet online pushes out. */
export function sessionsToKick(
  policy: LoginPolicy,
  online: Iterable<Session>,
  os: string,
): Session[] {
  const cls = classOf(policy, os);
  const same = [...online].filter((s) => classOf(policy, s.os) === cls);
  const over = same.length + 1 - LIMITS[policy];
  return over > 0 ? same.slice(0, over) : [];
}
