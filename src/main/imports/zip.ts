import zlib from 'node:zlib'

/** One file inside a zip, as its central directory describes it. */
export interface ZipEntry {
  name: string
  method: number
  flags: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localOffset: number
}

/** The zip is damaged or dishonest; the message says how, in plain words. */
export class ZipError extends Error {}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50
const ZIP64_MARK = 0xffffffff

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function findEndOfDirectory(bytes: Uint8Array, data: DataView): number {
  // The end record is 22 bytes plus a comment of up to 65,535 bytes, so it is found from the back.
  const last = bytes.length - 22
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (data.getUint32(at, true) === EOCD_SIGNATURE && at + 22 + data.getUint16(at + 20, true) <= bytes.length) {
      return at
    }
  }
  throw new ZipError('its zip directory is missing (was the file cut short?)')
}

/**
 * Reads a zip's central directory without inflating anything, so sizes can be checked before
 * any decompression. Refuses split archives and ZIP64 (a 50 MB Word file never needs it).
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes)
  const end = findEndOfDirectory(bytes, data)
  const count = data.getUint16(end + 10, true)
  const size = data.getUint32(end + 12, true)
  const offset = data.getUint32(end + 16, true)
  if (data.getUint16(end + 4, true) !== 0 || data.getUint16(end + 8, true) !== count) {
    throw new ZipError('it is one part of a split zip archive')
  }
  if (count === 0xffff || size === ZIP64_MARK || offset === ZIP64_MARK) {
    throw new ZipError('it is a ZIP64 archive, which a Word document never needs')
  }
  if (offset + size > end) throw new ZipError('its zip directory points outside the file')

  const decoder = new TextDecoder('utf-8')
  const entries: ZipEntry[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || data.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new ZipError('its zip directory is damaged')
    }
    const nameLength = data.getUint16(at + 28, true)
    const extraLength = data.getUint16(at + 30, true)
    const commentLength = data.getUint16(at + 32, true)
    const entry: ZipEntry = {
      flags: data.getUint16(at + 8, true),
      method: data.getUint16(at + 10, true),
      crc32: data.getUint32(at + 16, true),
      compressedSize: data.getUint32(at + 20, true),
      uncompressedSize: data.getUint32(at + 24, true),
      localOffset: data.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    }
    if (entry.compressedSize === ZIP64_MARK || entry.uncompressedSize === ZIP64_MARK) {
      throw new ZipError('it is a ZIP64 archive, which a Word document never needs')
    }
    entries.push(entry)
    at += 46 + nameLength + extraLength + commentLength
  }
  if (at > offset + size) throw new ZipError('its zip directory is damaged')
  return entries
}

/** An entry's stored bytes, still compressed; found through its local header. */
function storedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = view(bytes)
  const at = entry.localOffset
  if (at + 30 > bytes.length || data.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new ZipError(`${entry.name} is missing from the zip`)
  }
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true)
  if (start + entry.compressedSize > bytes.length) throw new ZipError(`${entry.name} is cut short`)
  return bytes.subarray(start, start + entry.compressedSize)
}

/**
 * Inflates one entry, stopping at its declared size: an entry that would grow past what the
 * directory says is a zip bomb hiding behind small numbers, and the CRC must match.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  if (entry.flags & 0x1) throw new ZipError('it is password-protected')
  const stored = storedBytes(bytes, entry)
  let out: Buffer
  if (entry.method === 0) {
    out = Buffer.from(stored)
  } else if (entry.method === 8) {
    try {
      out = zlib.inflateRawSync(stored, { maxOutputLength: Math.max(1, entry.uncompressedSize) })
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ZipError(`${entry.name} unpacks to more than its declared size (it may be a zip bomb)`)
      }
      throw new ZipError(`${entry.name} is corrupt`)
    }
  } else {
    throw new ZipError(`${entry.name} uses a compression method Word does not (${entry.method})`)
  }
  if (out.length !== entry.uncompressedSize || zlib.crc32(out) !== entry.crc32) {
    throw new ZipError(`${entry.name} is corrupt`)
  }
  return out
}
