/** The shape of one entry of the emulator registry (see registry.ts). */
import type { RunningEmulator, TlsOption } from "./framework/index.js";

export interface EmulatorRegistration {
  /** Short vendor id: "rongcloud", "tencent", "zego". */
  vendor: string;
  title: string;
  /** DEMO ONLY credentials the emulator is started with (printed by the CLI). */
  demo: Record<string, string>;
  /**
   * Start the emulator with its demo app(s). With `callbackUrl`, the demo app sends its
   * vendor callbacks there, signed as the vendor signs them (with the demo credentials).
   * `tls` and `latencyMs` turn on the WAN-like mode (see the framework's options).
   */
  start(options: {
    port?: number;
    host?: string;
    callbackUrl?: string;
    tls?: TlsOption;
    latencyMs?: number;
  }): Promise<RunningEmulator>;
}
