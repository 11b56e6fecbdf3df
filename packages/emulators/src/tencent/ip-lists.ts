/**
 * The server address lists ConfigSvc/GetIPList answers, per `nettype` (intl doc 1047/36742,
 * cn doc 269/45438):
 *
 * | nettype | list |
 * |---|---|
 * | 0 | all server addresses |
 * | 1 / 2 | native SDK access, China (incl. Hong Kong) / outside China |
 * | 3 / 4 | web SDK access, China (incl. Hong Kong) / outside China |
 * | 5 / 6 | callback egress, China (incl. Hong Kong) / outside China |
 *
 * The emulator serves SDK logins (control API) and sends callbacks from this host, so every
 * list defaults to loopback; nettype 0 is the union of 1–6 unless set itself. Lists are
 * set per app through the control API's seed (`{app?, ipLists: {"5": [...], ...}}`), and
 * their entries are deliberately not checked: tests inject malformed answers that way.
 */
import { ControlError } from "../framework/index.js";
import { isObject } from "./fields.js";
import type { AppState } from "./state.js";

export const NET_TYPES = [0, 1, 2, 3, 4, 5, 6] as const;
export type NetType = (typeof NET_TYPES)[number];

/** Where the emulator answers and calls back from by default. */
export const DEFAULT_IP_LIST: readonly string[] = ["127.0.0.1", "::1"];

export function isNetType(n: number): n is NetType {
  return Number.isInteger(n) && n >= 0 && n <= 6;
}

/** The list GetIPList answers for one nettype. */
export function ipList(app: AppState, netType: NetType): string[] {
  const set = app.ipLists.get(netType);
  if (set) return [...set];
  if (netType !== 0) return [...DEFAULT_IP_LIST];
  const all = new Set<string>();
  for (const n of NET_TYPES) if (n !== 0) for (const ip of ipList(app, n)) all.add(ip);
  return [...all];
}

/** Every nettype's current list, for the state dump. */
export function ipListsDump(app: AppState): Record<string, string[]> {
  return Object.fromEntries(NET_TYPES.map((n) => [String(n), ipList(app, n)]));
}

/**
 * Seed `ipLists: {"<nettype>": string[] | null}`: replaces the named lists (null restores
 * the default); the others stay. Checked as a whole before anything changes.
 */
export function seedIpLists(app: AppState, data: unknown): Record<string, string[]> {
  if (!isObject(data))
    throw new ControlError(400, 'ipLists must be an object like {"5": ["203.0.113.7"]}');
  const changes: [NetType, string[] | null][] = [];
  for (const [key, value] of Object.entries(data)) {
    const n = /^\d$/.test(key) ? Number(key) : Number.NaN;
    if (!isNetType(n)) throw new ControlError(400, `ipLists keys are nettypes 0-6, not ${key}`);
    if (value === null) changes.push([n, null]);
    else if (Array.isArray(value) && value.every((v) => typeof v === "string"))
      changes.push([n, [...value]]);
    else throw new ControlError(400, `ipLists.${key} must be an array of strings or null`);
  }
  for (const [n, list] of changes) {
    if (list === null) app.ipLists.delete(n);
    else app.ipLists.set(n, list);
  }
  return ipListsDump(app);
}
