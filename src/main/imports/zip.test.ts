import { describe, expect, it } from 'vitest'
import { makeZip } from '../../../scripts/make-import-fixtures'
import { inflateEntry, readZipDirectory } from './zip'

describe('zip central directory', () => {
  const parts = [
    { name: 'stored.txt', data: Buffer.from('stored as is'), method: 0 as const },
    { name: 'deflated.xml', data: Buffer.from('<a>'.repeat(100)) },
  ]

  it('lists entries with their declared sizes, and inflates each to exactly that', () => {
    const zip = makeZip(parts)
    const entries = readZipDirectory(zip)
    expect(entries.map((entry) => [entry.name, entry.method, entry.uncompressedSize])).toEqual([
      ['stored.txt', 0, 12],
      ['deflated.xml', 8, 300],
    ])
    expect(entries.map((entry) => inflateEntry(zip, entry).toString())).toEqual(
      parts.map((part) => part.data.toString()),
    )
  })

  it('finds the directory behind an archive comment', () => {
    const zip = makeZip(parts)
    const comment = Buffer.from('a comment that ends the file')
    zip.writeUInt16LE(comment.length, zip.length - 2)
    expect(readZipDirectory(Buffer.concat([zip, comment]))).toHaveLength(2)
  })

  it.each([
    ['no end record', (zip: Buffer) => zip.subarray(0, zip.length - 22), /zip directory is missing/],
    ['ZIP64 markers', (zip: Buffer) => (zip.writeUInt32LE(0xffffffff, zip.length - 6), zip), /ZIP64/],
    ['a split archive', (zip: Buffer) => (zip.writeUInt16LE(1, zip.length - 18), zip), /split zip/],
  ])('refuses %s', (_name, damage, message) => {
    expect(() => readZipDirectory(damage(makeZip(parts)))).toThrow(message)
  })

  it('refuses an entry whose data does not match its CRC', () => {
    const zip = makeZip(parts)
    const [stored] = readZipDirectory(zip)
    zip[30 + 'stored.txt'.length] = 0x21
    expect(() => inflateEntry(zip, stored!)).toThrow(/stored\.txt is corrupt/)
  })
})
