import { type ChildProcess, spawn } from "node:child_process";
import { BUILT_CLI } from "./built-cli.js";

/**
 * Gateway processes started from the built CLI (`imgraph serve`) for tests that need several
 * instances: each answers its GraphQL URL once its ready line is logged (the config's
 * logLevel must be info or lower); `stopAll` ends them all.
 */
export class GatewayProcesses {
  readonly #children: ChildProcess[] = [];

  serve(config: string, env: Record<string, string>): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [BUILT_CLI, "serve"], {
        env: { ...process.env, IMGRAPH_CONFIG: config, PORT: "0", HOST: "127.0.0.1", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      this.#children.push(child);
      let out = "";
      const timer = setTimeout(() => reject(new Error(`gateway did not start: ${out}`)), 15_000);
      child.stdout?.on("data", (d) => {
        out += d;
        const url = /"url":"(http:[^"]+)"/.exec(out)?.[1];
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      });
      child.stderr?.on("data", (d) => {
        out += d;
      });
      child.once("exit", (code) => reject(new Error(`gateway exited ${code}: ${out}`)));
    });
  }

  async stopAll(): Promise<void> {
    await Promise.all(
      this.#children.map(
        (c) =>
          new Promise((resolve) => {
            if (c.exitCode !== null) return resolve(null);
            c.once("exit", resolve);
            c.kill("SIGTERM");
          }),
      ),
    );
  }
}
