import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { makeTempDir } from '../../../test/helpers/db'
import { desktopCapabilities } from './save-dialog'

describe('the desktop save', () => {
  it('writes where the user chose, offering the suggested name and the format’s filter', async () => {
    const dir = makeTempDir()
    const target = path.join(dir, 'chosen.md')
    fs.writeFileSync(target, 'old good content')
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: target }))
    const save = desktopCapabilities({ showSaveDialog } as never, () => undefined)
    expect(await save.saveFile('Budget vote.md', '# New', 'text/markdown')).toEqual({ fileName: 'chosen.md' })
    expect(fs.readFileSync(target, 'utf8')).toBe('# New')
    expect(showSaveDialog).toHaveBeenCalledWith({
      defaultPath: 'Budget vote.md',
      filters: [{ name: 'Markdown', extensions: ['md'] }],
    })
    // Only the file itself is left: no temp files beside it.
    expect(fs.readdirSync(dir)).toEqual(['chosen.md'])
  })

  it('writes nothing when the user cancels', async () => {
    const dir = makeTempDir()
    const save = desktopCapabilities(
      { showSaveDialog: async () => ({ canceled: true, filePath: '' }) } as never,
      () => undefined,
    )
    expect(await save.saveFile('a.json', '{}', 'application/json')).toBeNull()
    expect(fs.readdirSync(dir)).toEqual([])
  })
})
