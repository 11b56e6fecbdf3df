/**
 * The hourly message log (rongcloud.md §3): one zip per clock hour of the data centre's time
 * zone, made once the hour has ended, kept 3 days. Inside, one JSON object per line for every
 * message sent in the hour, with the field names of U7 (the file format is UNVERIFIED).
 */
import { randomUUID } from "node:crypto";
import { hourKeyStart } from "../framework/index.js";
import { invalid } from "./errors.js";
import { formatTime } from "./ids.js";
import type { AppState, HistoryLogFile, StoredMessage } from "./state.js";
import { zipOne } from "./zip.js";

const HOUR_MS = 3_600_000;
/** Files are deleted automatically 3 days after they are made (§3.1). */
export const LOG_KEEP_MS = 3 * 24 * HOUR_MS;

/** The UTC start of the hour `date` (`YYYYMMDDHH` in the data centre's time), or 1002. */
export function hourStart(date: string, tzOffsetMs: number): number {
  const start = hourKeyStart(date, tzOffsetMs);
  if (start === undefined) throw invalid("date", "must be one hour as YYYYMMDDHH");
  return start;
}

/** Content that is JSON stays an object in the log; anything else is the raw string. */
function logContent(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}

function logLine(app: AppState, m: StoredMessage): string {
  const time = formatTime(m.sentTime, app.config.tzOffsetMs);
  const ms = String(m.sentTime % 1000).padStart(3, "0");
  return JSON.stringify({
    appId: app.config.appKey,
    fromUserId: m.fromUserId,
    targetId: m.targetId,
    targetType: m.conversationType,
    GroupId: m.conversationType === 3 ? m.targetId : "",
    classname: m.objectName,
    content: logContent(m.content),
    dateTime: `${time}.${ms}`,
    source: "Server",
    msgUID: m.uid,
  });
}

/**
 * The hour's file: made on the first ask after the hour ended (then fixed), none while the
 * hour runs, after 3 days, after a delete, or when no message was sent in the hour.
 */
export function historyLogFile(
  app: AppState,
  date: string,
  start: number,
  now: number,
): HistoryLogFile | undefined {
  const end = start + HOUR_MS;
  if (app.deletedHistoryLogs.has(date) || now < end) return undefined;
  if (now >= end + LOG_KEEP_MS) {
    app.historyLogs.delete(date);
    return undefined;
  }
  const made = app.historyLogs.get(date);
  if (made) return made;
  const sent = [...app.messages.values()]
    .filter((m) => m.sentTime >= start && m.sentTime < end)
    .sort((a, b) => a.sentTime - b.sentTime);
  if (sent.length === 0) return undefined;
  const text = `${sent.map((m) => logLine(app, m)).join("\n")}\n`;
  const file = {
    id: randomUUID(),
    hourEnd: end,
    bytes: zipOne(`${date}.txt`, Buffer.from(text), new Date(end)),
  };
  app.historyLogs.set(date, file);
  return file;
}

/** A made file by its download path part, while it is kept. */
export function findHistoryLogFile(
  app: AppState,
  date: string,
  id: string,
  now: number,
): HistoryLogFile | undefined {
  const file = app.historyLogs.get(date);
  if (!file || file.id !== id || now >= file.hourEnd + LOG_KEEP_MS) return undefined;
  return file;
}
