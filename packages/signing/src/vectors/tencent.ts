// Test vectors copied from tencent.md (§1.7 UserSig / PrivateMapKey, §4.2 callback Sign).

/** The demo key that ships in the official SDK test files, and its SDKAppID. */
export const userSigKey = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
export const userSigSdkAppId = 1400000000;

/** Vector A: identifier administrator, time 1700000000, expire 15552000 (180 days). */
export const userSigVectorA = {
  userId: "administrator",
  time: 1700000000,
  expire: 15552000,
  content:
    "TLS.identifier:administrator\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:15552000\n",
  sig: "JCzxanF8NTTXau4m+2h9wv7gYJnyNksm0xm1NEXU274=",
  /** Output of the official Node SDK (tls-sig-api-v2 1.0.2). */
  nodeUserSig:
    "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgZQAJEpycxNVbIyNEcVTa0oyCwCiZuamhrBRYsz05WslLycqyoS89ws-EJCIhJLTXK1jTIsy8vM0yO98ir9sotzDSpyDf1cI0KNzE1slWoBQr40pw__",
  /** Output of the official Python SDK for the same inputs: another string, same TLS.sig. */
  pythonUserSig:
    "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkElNyM-Myi0uKEkvyi2BKilOyEwsKMlOACgxNDKAAKpdaUZBZlAqSMTU1NUKIl2TmgkXN0dQXZ6aD7PFyrqpIzHOz8AsJiUgsNcnVNsqwLC8zT4-0yqv0yy7ONajINfRzjQg1MjexVaoFANTGNgc_",
} as const;

/** Vector B: identifier xiaojun, time 1600000000, expire 86400 (long expired). */
export const userSigVectorB = {
  userId: "xiaojun",
  time: 1600000000,
  expire: 86400,
  content:
    "TLS.identifier:xiaojun\nTLS.sdkappid:1400000000\nTLS.time:1600000000\nTLS.expire:86400\n",
  sig: "F7rhX8gUOlwhSaoxU1nT9fNB9LShQdL1ReCJfHY1Ffo=",
  nodeUserSig:
    "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqGKplYUZBalKllZmJnAhIoz05WslNzMizIiLNJD-XPKM4IT8ytCDfNCLNP8nCx9gjMCU3wMg1KdvdI8Ig3d0vJtlWoBJJQxiw__",
} as const;

/** Vector C (PrivateMapKey): xiaojun, time 1700000000, expire 300, room 10000, privilege 255. */
export const privateMapKeyVectorC = {
  userId: "xiaojun",
  time: 1700000000,
  expire: 300,
  roomId: 10000,
  privilegeMap: 255,
  userBufHex: "0000077869616f6a756e53724e00000027106553f22c000000ff00000000",
  userBufBase64: "AAAHeGlhb2p1blNyTgAAACcQZVPyLAAAAP8AAAAA",
  sig: "0+M4K64lITF5k+8jtQGalx0fgxd1aweZx0fZYfdnvZk=",
} as const;

/** §4.2: callback Sign = sha256 hex of Token + RequestTime (matches the doc's example). */
export const tencentCallbackVector = {
  token: "xxxxyyyy",
  requestTime: "1669872112",
  sign: "17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061",
} as const;
