/** Argument parsing of the `imgraph-emulators` CLI (kept apart so it can be tested). */
export interface CliArgs {
  /** Base port: emulator i listens on port + i; 0 = a free port each. */
  port: number;
  host: string;
  /** Only these vendors (default: all registered). */
  only: string[];
  help: boolean;
}

export const USAGE = `Usage: imgraph-emulators [--port <base>] [--host <host>] [--only <vendor,...>]

Starts every registered IM vendor emulator with DEMO credentials.
  --port  base port; emulator i listens on base+i (default 0: free ports)
  --host  interface to listen on (default 127.0.0.1)
  --only  comma-separated vendors to start (e.g. rongcloud)`;

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { port: 0, host: "127.0.0.1", only: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--port": {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error("--port must be 0-65535");
        args.port = n;
        break;
      }
      case "--host":
        args.host = value();
        break;
      case "--only":
        args.only = value()
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case "-h":
      case "--help":
        args.help = true;
        break;
      default:
        throw new Error(`unknown option: ${arg}`);
    }
  }
  return args;
}
