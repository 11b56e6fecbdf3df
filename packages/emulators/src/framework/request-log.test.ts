import { describe, expect, it } from "vitest";
import { RequestLog } from "./request-log.js";

const entry = (routeKey: string, time: number) => ({
  time,
  method: "POST",
  path: routeKey,
  query: {},
  headers: {},
  body: "",
  routeKey,
  outcome: "answered" as const,
});

describe("RequestLog", () => {
  it("keeps only the newest entries, oldest first", () => {
    const log = new RequestLog(3);
    for (let i = 1; i <= 5; i++) log.record(entry(`/r${i}`, i));
    expect(log.length).toBe(3);
    expect(log.list().map((e) => e.routeKey)).toEqual(["/r3", "/r4", "/r5"]);
    expect(log.list().map((e) => e.seq)).toEqual([3, 4, 5]);
  });

  it("filters by route, since, afterSeq and limit", () => {
    const log = new RequestLog(10);
    log.record(entry("/a", 10));
    log.record(entry("/b", 20));
    log.record(entry("/a", 30));
    log.record(entry("/a", 40));
    expect(log.list({ route: "/a" }).map((e) => e.time)).toEqual([10, 30, 40]);
    expect(log.list({ since: 30 }).map((e) => e.time)).toEqual([30, 40]);
    expect(log.list({ afterSeq: 2 }).map((e) => e.seq)).toEqual([3, 4]);
    expect(log.list({ route: "/a", limit: 2 }).map((e) => e.time)).toEqual([30, 40]);
    expect(log.list({ limit: 0 })).toEqual([]);
    log.clear();
    expect(log.list()).toEqual([]);
  });
});
