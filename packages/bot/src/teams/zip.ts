// The Teams app package's ZIP, written by fflate (a maintained ZIP library). A Teams app
// package is a handful of small files at the root of the archive.
import { deflateSync, type Zippable, zipSync } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  name: string;
  data: Uint8Array;
}

// Every entry gets the same timestamp, 1980-01-01 00:00 (the earliest ZIP date), so the same
// input always gives byte-for-byte the same archive.
const MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** Builds a ZIP archive from entries, in the order given; deflated where that is smaller. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const entry of entries) {
    if (!entry.name || entry.name.startsWith('/') || entry.name.includes('\\'))
      throw new Error(`bad zip entry name "${entry.name}"`);
    if (entry.name in files) throw new Error(`duplicate zip entry "${entry.name}"`);
    // Images are already compressed: they are stored when deflating would not shrink them.
    const shrinks = deflateSync(entry.data, { level: 9 }).length < entry.data.length;
    files[entry.name] = [entry.data, { level: shrinks ? 9 : 0, mtime: MTIME }];
  }
  return Buffer.from(zipSync(files));
}
