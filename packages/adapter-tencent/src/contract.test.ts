import { runAdapterContract } from "@imgraph/core/contract";
import type { RunningEmulator } from "@imgraph/emulators";
import type { TencentAdapter } from "./adapter.js";
import { adapterFor, harness, startEmulator } from "./testing/emulator.js";

let emulator: RunningEmulator | undefined;
let adapter: TencentAdapter | undefined;

runAdapterContract({
  name: "tencent",
  setup: async () => {
    emulator = await startEmulator();
    adapter = adapterFor([emulator.url], { broadcast: true });
    return harness(emulator, adapter);
  },
  teardown: async () => {
    await adapter?.close();
    await emulator?.close();
  },
});
