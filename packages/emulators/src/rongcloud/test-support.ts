/** Test helper: the one file of a zip archive (as zip.ts writes them), read by its local header. */
import { crc32, inflateRawSync } from "node:zlib";

export function unzipOne(zip: Buffer): { name: string; text: string } {
  if (zip.readUInt32LE(0) !== 0x04034b50) throw new Error("not a zip archive");
  const method = zip.readUInt16LE(8);
  const crc = zip.readUInt32LE(14);
  const packedSize = zip.readUInt32LE(18);
  const nameLength = zip.readUInt16LE(26);
  const extraLength = zip.readUInt16LE(28);
  const start = 30 + nameLength + extraLength;
  const packed = zip.subarray(start, start + packedSize);
  const data = method === 8 ? inflateRawSync(packed) : packed;
  if (crc32(data) !== crc) throw new Error("zip entry CRC mismatch");
  return { name: zip.subarray(30, 30 + nameLength).toString("utf8"), text: data.toString("utf8") };
}
