/** A configuration problem, naming the key at fault and what is expected there. */
export class ConfigError extends Error {
  constructor(
    readonly key: string,
    readonly expected: string,
  ) {
    super(`config: ${key}: ${expected}`);
    this.name = "ConfigError";
  }
}
