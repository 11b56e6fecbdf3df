/**
 * A one-file zip archive (deflated), enough for the hourly message log: RongCloud's log URLs
 * end in `.zip` (rongcloud.md §3.1, SDK sample URL). Written by hand to need no dependency.
 */
import { crc32, deflateRawSync } from "node:zlib";

/** DOS date and time fields of a zip entry (local time is meaningless here: UTC). */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

/** What a local header and a central directory entry both say about the one file. */
interface Entry {
  time: number;
  date: number;
  crc: number;
  packedSize: number;
  size: number;
  nameLength: number;
}

/** Writes the run of fields the two headers share, from `offset` on (26 bytes). */
function writeEntry(header: Buffer, offset: number, e: Entry): void {
  header.writeUInt16LE(20, offset); // version needed
  header.writeUInt16LE(0x0800, offset + 2); // UTF-8 names
  header.writeUInt16LE(8, offset + 4); // deflate
  header.writeUInt16LE(e.time, offset + 6);
  header.writeUInt16LE(e.date, offset + 8);
  header.writeUInt32LE(e.crc, offset + 10);
  header.writeUInt32LE(e.packedSize, offset + 14);
  header.writeUInt32LE(e.size, offset + 18);
  header.writeUInt16LE(e.nameLength, offset + 22);
}

export function zipOne(name: string, data: Buffer, at: Date): Buffer {
  const fileName = Buffer.from(name, "utf8");
  const packed = deflateRawSync(data);
  const entry: Entry = {
    ...dosTime(at),
    crc: crc32(data),
    packedSize: packed.length,
    size: data.length,
    nameLength: fileName.length,
  };

  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  writeEntry(local, 4, entry);
  local.writeUInt16LE(0, 28); // extra

  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // made by
  writeEntry(central, 6, entry);
  // extra, comment, disk, internal and external attributes, local header offset: all 0
  central.writeUInt32LE(0, 42);

  const centralOffset = local.length + fileName.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8); // entries on this disk
  end.writeUInt16LE(1, 10); // entries
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);

  return Buffer.concat([local, fileName, packed, central, fileName, end]);
}
