import fs from 'node:fs'
import path from 'node:path'
import { openLibrary } from '../../../src/main/db/connection'
import { createHandlers } from '../../../src/main/services'
import { runCli } from '../../helpers/cli'
import type { Attack } from '../attacks'

/** What Windows does with a name: the part before the first dot, trailing spaces dropped, is a device? */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i

function isDevice(fileName: string): boolean {
  return WINDOWS_DEVICE.test((fileName.split('.')[0] ?? '').trimEnd())
}

function deviceTitle(id: string, title: string): Attack {
  return {
    finding: 13,
    id,
    title: `an article titled ${JSON.stringify(title)} exported by the CLI`,
    async run(workDir) {
      const db = path.join(workDir, 'library.quotedesk')
      const library = await openLibrary(db)
      try {
        await createHandlers(library, () => 'red team')['articles:create']({ title, body: '“Yes,” she said.' })
      } finally {
        await library.close()
      }
      const out = path.join(workDir, 'out')
      const result = await runCli(db, workDir, ['export', '--format', 'md', '--all', '--out', out])
      if (result.code !== 0) return { held: false, detail: `export failed: ${result.stderr.trim()}` }
      const [name = ''] = fs.readdirSync(out)
      return isDevice(name)
        ? { held: false, detail: `wrote "${name}", which Windows opens as the device ${name.split('.')[0]?.trimEnd()}` }
        : { held: true, detail: `wrote "${name}"` }
    },
  }
}

/** Finding 13 (second half): a reserved Windows device name followed by spaces, dots and an extension. */
export const deviceNames: Attack[] = [
  deviceTitle('a36', 'CON .txt'),
  deviceTitle('a37', 'lpt¹ . notes'),
  deviceTitle('a38', 'Nul  ..md'),
]
