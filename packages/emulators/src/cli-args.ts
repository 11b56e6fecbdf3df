/** Argument parsing of the `imgraph-emulators` CLI (kept apart so it can be tested). */
import { MAX_LATENCY_MS } from "./framework/index.js";

export interface CliArgs {
  /** Base port: emulator i listens on port + i; 0 = a free port each. */
  port: number;
  host: string;
  /** Only these vendors (default: all registered). */
  only: string[];
  /** WAN-like mode: HTTPS with one self-signed certificate for all emulators. */
  tls: boolean;
  /** WAN-like mode: ms added before every vendor answer. */
  latencyMs: number;
  help: boolean;
}

export const USAGE = `Usage: imgraph-emulators [--port <base>] [--host <host>] [--only <vendor,...>]
                         [--tls] [--latency-ms <ms>]

Starts every registered IM vendor emulator with DEMO credentials.
  --port        base port; emulator i listens on base+i (default 0: free ports)
  --host        interface to listen on (default 127.0.0.1)
  --only        comma-separated vendors to start (e.g. rongcloud)
  --tls         serve HTTPS with a self-signed certificate, written to a file to trust
  --latency-ms  delay added before every vendor answer, per round trip (default 0)`;

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    port: 0,
    host: "127.0.0.1",
    only: [],
    tls: false,
    latencyMs: 0,
    help: false,
  };
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
      case "--tls":
        if (inline !== undefined) throw new Error("--tls takes no value");
        args.tls = true;
        break;
      case "--latency-ms": {
        const n = Number(value());
        if (!Number.isFinite(n) || n < 0 || n > MAX_LATENCY_MS) {
          throw new Error(`--latency-ms must be 0-${MAX_LATENCY_MS}`);
        }
        args.latencyMs = n;
        break;
      }
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
