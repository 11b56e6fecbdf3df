/** How every registration starts its vendor: one demo app, on the CLI's port, host and callback URL. */
import { definedFields, type RunningEmulator, type TlsOption } from "./framework/index.js";
import type { EmulatorRegistration } from "./registry-types.js";

interface DemoStartOptions<App> {
  port?: number;
  host?: string;
  tls?: TlsOption;
  latencyMs?: number;
  apps: App[];
}

/** `start` given the demo `app`; a callback URL from the caller is added to the app. */
export function startDemo<App extends { callbackUrl?: string }>(
  start: (options: DemoStartOptions<App>) => Promise<RunningEmulator>,
  app: App,
): EmulatorRegistration["start"] {
  return (options) =>
    start({
      ...definedFields(options, ["port", "host", "tls", "latencyMs"]),
      apps: [{ ...app, ...definedFields(options, ["callbackUrl"]) }],
    });
}
