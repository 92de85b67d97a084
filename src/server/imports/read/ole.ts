/**
 * The stream names of an OLE compound file (CFB, magic D0 CF 11 E0): a password-protected XLSX is one (its streams are
 * EncryptionInfo and EncryptedPackage), and so is a legacy .xls (Workbook or Book). Only the directory is read.
 */
export const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const DIRECTORY_ENTRY = 128;

export const isOle = (bytes: Buffer) => bytes.length >= 512 && bytes.subarray(0, 8).equals(OLE_MAGIC);

/** The names of every storage and stream, or null when the container is cut short or inconsistent. */
export function oleStreamNames(bytes: Buffer): string[] | null {
  const sectorSize = 1 << bytes.readUInt16LE(0x1e);
  if (sectorSize !== 512 && sectorSize !== 4096) return null;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize);
  const sector = (n: number) => (n < sectorCount ? bytes.subarray((n + 1) * sectorSize, (n + 2) * sectorSize) : null);

  // The FAT's own sectors: 109 in the header, then a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(bytes.readUInt32LE(0x4c + i * 4));
  let difat = bytes.readUInt32LE(0x44);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE && guard < sectorCount; guard++) {
    const block = sector(difat);
    if (!block) return null;
    for (let i = 0; i < sectorSize / 4 - 1; i++) fatSectors.push(block.readUInt32LE(i * 4));
    difat = block.readUInt32LE(sectorSize - 4);
  }
  const fat: number[] = [];
  for (const n of fatSectors) {
    if (n === FREE || n === END_OF_CHAIN) continue;
    const block = sector(n);
    if (!block) return null;
    for (let i = 0; i < sectorSize / 4; i++) fat.push(block.readUInt32LE(i * 4));
  }

  const names: string[] = [];
  let next = bytes.readUInt32LE(0x30);
  for (let guard = 0; next !== END_OF_CHAIN; guard++) {
    const block = sector(next);
    if (!block || guard > sectorCount) return null;
    for (let offset = 0; offset < sectorSize; offset += DIRECTORY_ENTRY) {
      const nameBytes = block.readUInt16LE(offset + 0x40);
      const type = block[offset + 0x42];
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      names.push(block.subarray(offset, offset + nameBytes - 2).toString('utf16le'));
    }
    next = fat[next] ?? END_OF_CHAIN;
  }
  return names;
}
