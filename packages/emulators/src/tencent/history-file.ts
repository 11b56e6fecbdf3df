/**
 * The hourly message log that open_msg_svc/get_history hands out (intl 1047/34885, cn
 * 269/1650): per ChatType, one GZip'd JSON file per Beijing clock hour, made after the hour
 * ends and deleted 7 days after it. Tencent makes it within about an hour; the emulator makes
 * it on the first ask once the hour has ended and keeps it fixed from then on.
 */
import { createHash, randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { hourKeyStart } from "../framework/index.js";
import { TimError } from "./errors.js";
import type { Json } from "./fields.js";
import type { AppState, HistoryFile, HistoryLink } from "./state.js";

export type ChatType = "C2C" | "Group";

const HOUR_MS = 3_600_000;
/** MsgTime and ExpireTime are Beijing time (UTC+8, no daylight saving). */
const BEIJING_MS = 8 * HOUR_MS;
/** Files are deleted 7 days after their hour, downloaded or not. */
export const HISTORY_KEEP_MS = 7 * 24 * HOUR_MS;
/**
 * How long one download address works. The docs only say it expires and that the caller
 * asks again for a new one; the length is the emulator's choice (unverified).
 */
export const LINK_LIFETIME_MS = HOUR_MS;

/** 1004: the file is not made yet, or the hour had no message of the type. */
export const NOT_YET = 1004;
/** 1005: the file was deleted (its hour ended more than 7 days ago). */
export const EXPIRED = 1005;

/** The UTC start (ms) of the Beijing hour `YYYYMMDDHH`, or undefined when it names none. */
export const beijingHourStart = (msgTime: string) => hourKeyStart(msgTime, BEIJING_MS);

/** `YYYY-MM-DD hh:mm:ss` in Beijing time (the answer's ExpireTime). */
export function beijingTime(ms: number): string {
  return new Date(ms + BEIJING_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** One message line of the file, with the time and tie-break it is ordered by. */
interface Entry {
  time: number;
  order: number;
  line: Json;
}

/**
 * The messages of [startS, endS) (unix seconds) of one type, oldest first. Recalled messages
 * are left out (unverified: the docs do not say whether the log keeps them), and so are group
 * messages deleted for everyone, which the emulator treats like a recall elsewhere too.
 * Online-only group messages (and every live group's) are never stored, so never logged.
 */
function entries(app: AppState, type: ChatType, startS: number, endS: number): Entry[] {
  const inHour = (t: number) => t >= startS && t < endS;
  const list: Entry[] = [];
  if (type === "C2C") {
    for (const m of [...app.conversations.values()].flat()) {
      if (m.recalled || !inHour(m.time)) continue;
      list.push({
        time: m.time,
        order: m.order,
        line: {
          From_Account: m.from,
          To_Account: m.to,
          MsgTimestamp: m.time,
          MsgSeq: m.seq,
          MsgRandom: m.random,
          MsgBody: m.body,
        },
      });
    }
  } else {
    for (const g of app.groups.values()) {
      for (const m of g.messages) {
        if (m.recalled || m.deleted || m.onlineOnly || !inHour(m.time)) continue;
        list.push({
          time: m.time,
          order: m.seq,
          line: {
            From_Account: m.from,
            GroupId: g.id,
            MsgTimestamp: m.time,
            MsgSeq: m.seq,
            MsgBody: m.body,
          },
        });
      }
    }
  }
  // Stable sort: groups of one second stay in group order, each in MsgSeq order.
  return list.sort((a, b) => a.time - b.time || a.order - b.order);
}

const md5 = (bytes: Buffer) => createHash("md5").update(bytes).digest("hex");

/** The file's text: a header line, one message per line ("," between), then "]}". */
function fileText(app: AppState, type: ChatType, msgTime: string, list: Entry[]): string {
  const head = JSON.stringify({ SdkAppId: app.config.sdkAppId, ChatType: type, MsgTime: msgTime });
  const lines = list.map((e) => JSON.stringify(e.line)).join(",\n");
  return `${head.slice(0, -1)},"MsgList":[\n${lines}\n]}`;
}

/**
 * The hour's file, or TimError 1004 (the hour has not ended, or had no message of the type)
 * or 1005 (deleted 7 days after the hour). `start` is the hour's UTC start in ms.
 */
export function historyFile(
  app: AppState,
  type: ChatType,
  msgTime: string,
  start: number,
  nowMs: number,
): HistoryFile {
  const key = `${type}/${msgTime}`;
  const end = start + HOUR_MS;
  if (nowMs < end) throw new TimError(NOT_YET, "the file of this hour has not been made yet");
  if (nowMs >= end + HISTORY_KEEP_MS) {
    app.historyFiles.delete(key);
    throw new TimError(EXPIRED, "the file of this hour has expired");
  }
  let file = app.historyFiles.get(key);
  if (file === undefined) {
    const list = entries(app, type, start / 1000, end / 1000);
    if (list.length === 0) file = null;
    else {
      const text = Buffer.from(fileText(app, type, msgTime, list));
      const gz = gzipSync(text);
      file = { hourEnd: end, gz, size: text.length, md5: md5(text), gzMd5: md5(gz) };
    }
    // Made once: later asks get the same bytes (and an hour without messages stays empty).
    app.historyFiles.set(key, file);
  }
  if (!file) throw new TimError(NOT_YET, `no ${type} message was sent in this hour`);
  return file;
}

/**
 * A fresh download address of a file: a random token valid for LINK_LIFETIME_MS, never past
 * the file's deletion. Returns the path (`/<SdkAppId>/<ChatType>/<MsgTime>/<token>.gz`)
 * and when it expires. Expired addresses are forgotten here.
 */
export function issueLink(
  app: AppState,
  type: ChatType,
  msgTime: string,
  file: HistoryFile,
  nowMs: number,
): { path: string; expiresMs: number } {
  for (const [token, link] of app.historyLinks)
    if (nowMs >= link.expiresMs) app.historyLinks.delete(token);
  const key = `${type}/${msgTime}`;
  const token = randomUUID();
  const expiresMs = Math.min(nowMs + LINK_LIFETIME_MS, file.hourEnd + HISTORY_KEEP_MS);
  app.historyLinks.set(token, { key, file, expiresMs });
  return { path: `/${app.config.sdkAppId}/${key}/${token}.gz`, expiresMs };
}

/** The .gz bytes behind a download path's key and token, while the address is valid. */
export function findDownload(
  app: AppState,
  key: string,
  token: string,
  nowMs: number,
): Buffer | undefined {
  const link: HistoryLink | undefined = app.historyLinks.get(token);
  if (!link || link.key !== key || nowMs >= link.expiresMs) return undefined;
  return link.file.gz;
}
