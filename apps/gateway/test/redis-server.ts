import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";

/** Whether `redis-server` is on the PATH. */
export function hasRedisServer(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface TestRedis {
  url: string;
  client: Redis;
  stop(): Promise<void>;
}

/** A throwaway redis-server on loopback: no persistence, killed by stop(). */
export async function startRedis(): Promise<TestRedis> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child: ChildProcess = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    const url = `redis://127.0.0.1:${port}`;
    const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null });
    client.on("error", () => undefined);
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        await client.connect();
        await client.ping();
        return {
          url,
          client,
          async stop() {
            client.disconnect();
            const exited = new Promise((resolve) => child.once("exit", resolve));
            child.kill("SIGKILL");
            await exited;
          },
        };
      } catch {
        client.disconnect();
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    child.kill("SIGKILL");
    if (attempt >= 2) throw new Error("redis-server did not start");
  }
}

/** A redis-server for the tests of this suite: started before them, stopped after them. */
export function withRedis(started: (redis: TestRedis) => void): void {
  let redis: TestRedis | undefined;
  beforeAll(async () => {
    redis = await startRedis();
    started(redis);
  });
  afterAll(async () => {
    await redis?.stop();
  });
}
