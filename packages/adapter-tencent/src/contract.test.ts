import { runAdapterContract } from "@imgraph/core/contract";
import type { RunningEmulator } from "@imgraph/emulators";
import type { TencentAdapter } from "./adapter.js";
import { adapterFor, harness, SDK_APP_ID, startEmulator } from "./testing/emulator.js";

let emulator: RunningEmulator | undefined;
let adapter: TencentAdapter | undefined;
// All-member push on (tags), the custom profile fields the contract's attributes use, and
// the console features the lifecycle cases need (extensions, group read receipts, conversation
// groups and marks) and group counters.
const options = {
  broadcast: true,
  // The push attribute names the app declared (the emulator's seed below names them too).
  pushAttributes: ["city", "tier"],
  userAttributes: ["level", "city"],
  messageExtensions: true,
  readReceipts: true,
  conversationGroups: true,
  // Group counters need the Pro edition (#17); the member fields a console would declare.
  groupCounters: true,
  groupMemberFields: ["rank"],
  // The live group console switches (online member list, banning, broadcast; Pro edition).
  liveRoomOnlineMembers: true,
  liveRoomBans: true,
  liveRoomBroadcast: true,
};

runAdapterContract({
  name: "tencent",
  // What an adapter with these options supports (no vendor call is made to learn it).
  operations: adapterFor(["http://127.0.0.1:9"], options).operations,
  setup: async () => {
    emulator = await startEmulator();
    emulator.seed({ app: SDK_APP_ID, pushAttributeNames: options.pushAttributes });
    adapter = adapterFor([emulator.url], options);
    return harness(emulator, adapter);
  },
  teardown: async () => {
    await adapter?.close();
    await emulator?.close();
  },
});
