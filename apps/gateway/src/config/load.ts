import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { ConfigError } from "./errors.js";
import type { GatewayConfig } from "./types.js";
import { validateConfig } from "./validate.js";

/** Where the config file is: IMGRAPH_CONFIG, else imgraph.config.{yaml,yml,json} in cwd. */
export function findConfigPath(
  env: NodeJS.ProcessEnv,
  cwd: string,
  exists: (p: string) => boolean,
): string | undefined {
  if (env.IMGRAPH_CONFIG) return resolve(cwd, env.IMGRAPH_CONFIG);
  return ["imgraph.config.yaml", "imgraph.config.yml", "imgraph.config.json"]
    .map((name) => resolve(cwd, name))
    .find(exists);
}

export function loadConfigFile(path: string, env: NodeJS.ProcessEnv): GatewayConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new ConfigError("IMGRAPH_CONFIG", `a readable config file (cannot read ${path})`);
  }
  let raw: unknown;
  try {
    raw = path.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError(
      path,
      `valid ${path.endsWith(".json") ? "JSON" : "YAML"} (${(error as Error).message.split("\n")[0]})`,
    );
  }
  return validateConfig(raw, { env, baseDir: dirname(path) });
}
