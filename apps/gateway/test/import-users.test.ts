import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { importUsers } from "../src/import-users.js";
import { progressBar } from "../src/progress-bar.js";
import { withDemo } from "./helpers.js";

// `imgraph import-users`: a JSON-lines file of users registered through an app's adapter,
// with progress after each vendor call and a summary naming the lines it could not use.

let g: DemoGateway;
withDemo({ seed: false }, (started) => {
  g = started;
});

describe("import-users", () => {
  it("registers every good line, reports bad lines by number, and tells progress per vendor call", async () => {
    const stamp = Date.now().toString(36);
    const good = Array.from({ length: 1205 }, (_, i) =>
      JSON.stringify({ id: `iu${stamp}${i}`, name: `User ${i}` }),
    );
    const lines = [
      ...good.slice(0, 3),
      "{not json",
      ...good.slice(3),
      '{"name":"no id"}',
      "",
      "[1]",
    ];
    const seen: Array<[number, number]> = [];
    const summary = await importUsers(g.apps.get("zego"), lines.join("\n"), (done, total) =>
      seen.push([done, total]),
    );
    expect(summary).toMatchObject({ imported: 1205, failed: 0, invalidLines: 3 });
    expect(summary.problems).toEqual([
      { line: 4, code: "BAD_LINE", message: "not JSON" },
      { line: 1207, code: "BAD_LINE", message: "no string id" },
      { line: 1209, code: "BAD_LINE", message: "not a JSON object" },
    ]);
    // ZIM registers 100 users a call: progress after each, never backwards, ending complete.
    expect(seen.length).toBeGreaterThanOrEqual(13);
    expect(seen.every(([, total]) => total === 1205)).toBe(true);
    const done = seen.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(1205);
    const read = await g.apps.get("zego").getUsers([`iu${stamp}0`, `iu${stamp}1204`]);
    expect(read.map((r) => (r.ok ? r.value.name : r.error.code))).toEqual(["User 0", "User 1204"]);
  });

  it("prints one plain line per tenth when not on a terminal", () => {
    let out = "";
    const stream = new Writable({
      write(chunk, _encoding, done) {
        out += String(chunk);
        done();
      },
    });
    const bar = progressBar(stream);
    for (let done = 0; done <= 50; done += 5) bar.update(done, 50);
    bar.update(50, 50);
    bar.stop();
    const lines = out.trim().split("\n");
    expect(lines[0]).toBe("0/50 users (0%)");
    expect(lines.at(-1)).toBe("50/50 users (100%)");
    expect(lines).toHaveLength(11);
  });
});
