// @ts-check
// One benchmark's section of ../BENCHMARKS.md: its markers, the facts about the run
// (machine, load, date, command) and rewriting the section in place. Shared by every
// `*.bench.mjs`, so the sections read alike and only their own section is ever replaced.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { arch, cpus, loadavg, platform } from "node:os";
import { fileURLToPath } from "node:url";

export const REPORT = fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url));

/** CPU model, core count, Node version and platform of this machine, on one line. */
export function machine() {
  const cores = cpus();
  const model = (cores[0]?.model ?? "unknown CPU").replace(/\s+/g, " ").trim();
  return `${model}, ${cores.length} cores, Node ${process.version}, ${platform()} ${arch()}`;
}

/**
 * The section of benchmark `name` (rerun by `pnpm bench:<name>`). The load average is read
 * now, so call this when the benchmark starts, before it loads the machine itself.
 * @param {string} name
 */
export function benchSection(name) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const command = `pnpm bench:${name}`;
  const loadAtStart = loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");
  return {
    start,
    end,
    command,
    /**
     * The "- Machine / Load average / Date / Command" list under the section's title.
     * @param {{ load?: boolean, commandNote?: string }} [options]
     *   `load: false` leaves the load average out; `commandNote` follows the command.
     */
    facts({ load = true, commandNote } = {}) {
      return [
        `- Machine: ${machine()}`,
        ...(load ? [`- Load average when started: ${loadAtStart}`] : []),
        `- Date: ${new Date().toISOString().slice(0, 10)}`,
        `- Command: \`${command}\`${commandNote ? ` ${commandNote}` : ""}`,
      ];
    },
    /**
     * Replaces this section of BENCHMARKS.md (between and including the markers), or
     * appends it when the file or the section is not there yet.
     * @param {string} section
     */
    write(section) {
      const current = existsSync(REPORT) ? readFileSync(REPORT, "utf8") : "# Benchmarks\n";
      const from = current.indexOf(start);
      const to = current.indexOf(end);
      const next =
        from !== -1 && to > from
          ? current.slice(0, from) + section + current.slice(to + end.length)
          : `${current.trimEnd()}\n\n${section}\n`;
      writeFileSync(REPORT, next);
      console.log(`wrote ${REPORT}`);
    },
  };
}
