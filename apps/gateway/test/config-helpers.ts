import { ConfigError } from "../src/config/errors.js";
import type { ConfigSources } from "../src/config/validate.js";
import { validateConfig } from "../src/config/validate.js";

/** Config sources from an environment and files under /etc/imgraph (tests). */
export function sourcesOf(
  env: Record<string, string>,
  files: Record<string, string> = {},
): ConfigSources {
  return {
    env,
    baseDir: "/etc/imgraph",
    readFile: (p: string) => {
      const f = files[p];
      if (f === undefined) throw new Error("ENOENT");
      return f;
    },
  };
}

/** The ConfigError a raw config raises (fails the test when it raises none). */
export function configError(raw: unknown, sources: ConfigSources): ConfigError {
  try {
    validateConfig(raw, sources);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error("expected a ConfigError");
}
