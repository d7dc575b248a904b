import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const outDir = path.resolve('out/preload')
const isBuilt = fs.existsSync(outDir)

// Reads the output of `npx electron-vite build` (also run by `npm install` via "prepare").
describe.skipIf(!isBuilt)('built preload bundle (checklist item 4)', () => {
  it('is one CommonJS file, index.cjs, which main loads', () => {
    expect(fs.readdirSync(outDir)).toStrictEqual(['index.cjs'])
  })

  it('requires only "electron": a sandboxed preload cannot load anything else', () => {
    const code = fs.readFileSync(path.join(outDir, 'index.cjs'), 'utf8')
    const requires = [...code.matchAll(/\brequire\s*\(\s*([^)]*)\)/g)].map((m) => m[1]?.trim())
    expect(requires).toStrictEqual(['"electron"'])
    expect(code).not.toMatch(/^\s*import\s/m)
    expect(code).not.toMatch(/\bimport\s*\(/)
  })

  it('exposes no generic channel, process.env or ipcRenderer to the page', () => {
    const code = fs.readFileSync(path.join(outDir, 'index.cjs'), 'utf8')
    expect(code.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    expect(code).not.toMatch(/process\.env/)
    expect(code).toMatch(/exposeInMainWorld\("quotedesk", api\)/)
  })
})
