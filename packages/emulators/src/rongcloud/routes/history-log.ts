/**
 * The hourly message log (rongcloud.md §3.1, §3.2): a separately sold service (off → HTTP
 * 430, 1009). `date` is one clock hour `YYYYMMDDHH` in the data centre's time zone (Beijing
 * for China, UTC for the global ones); the answer's `url` is "" when there is no file.
 */
import { historyLogFile, hourStart } from "../history-log-file.js";
import type { RouteTable } from "../route.js";

export const historyLogRoutes: RouteTable = {
  "/message/history.json": {
    feature: "historyLog",
    handle({ app, p, now, downloadOrigin }) {
      const date = p.required("date");
      const start = hourStart(date, app.config.tzOffsetMs);
      const file = historyLogFile(app, date, start, now);
      const appKey = encodeURIComponent(app.config.appKey);
      return { url: file ? `${downloadOrigin}/${appKey}/${date}/${file.id}.zip` : "", date };
    },
  },

  "/message/history/delete.json": {
    feature: "historyLog",
    handle({ app, p, now }) {
      const date = p.required("date");
      const start = hourStart(date, app.config.tzOffsetMs);
      // Only the log file goes, not cloud history (§3.2); an hour still running has none yet.
      app.historyLogs.delete(date);
      if (now >= start + 3_600_000) app.deletedHistoryLogs.add(date);
      return undefined;
    },
  },
};
