// rongcloud.md states the algorithm (lowercase hex SHA-1 of appSecret + nonce + timestamp)
// but prints no worked example. These vectors were computed independently of this
// package with coreutils: printf '%s' "$secret$nonce$timestamp" | sha1sum.

export const rongCloudSignatureVectors = [
  {
    appSecret: "Y1W2MeFwwwRxa0",
    nonce: "14314",
    timestamp: "1408710653491",
    signature: "dd11a264276f438b045b3b236a2741ddc89d48df",
  },
  {
    appSecret: "Y1W2MeFwwwRxa0",
    nonce: "14314",
    timestamp: "1408710653",
    signature: "3f7088873939e033bac1c1787eff5f3ba3a1c2d8",
  },
  {
    appSecret: "appsecret",
    nonce: "0123456789abcdef123456",
    timestamp: "1700000000",
    signature: "ce310743f57130616e9fb8555c963d2e52db659a",
  },
  {
    // A Java-SDK style nonce (decimal with a dot, rongcloud.md §1.3).
    appSecret: "s3cr3t",
    nonce: "532617.4038437191",
    timestamp: "1700000000123",
    signature: "c3d40ed076a170e397d174a72ca8b6a9d6629f20",
  },
] as const;
