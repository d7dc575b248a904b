import path from 'node:path'
import type { Command } from 'commander'
import { backupLibrary, restoreLibrary } from '../../backup/backup.service'
import { openLibrary } from '../../db/connection'
import { libraryPath, withLibrary, type CliContext } from '../context'
import { inline } from '../terminal-text'

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} KB`
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`
}

export function registerBackup(program: Command, ctx: CliContext): void {
  const cwd = () => ctx.io.cwd ?? process.cwd()

  program
    .command('backup')
    .description('copy the library while it is in use, check the copy, and print where it is')
    .option('--out <file>', 'where to write the backup (default: beside the library, with the date and time)')
    .action(async (options: { out?: string }) => {
      await withLibrary(ctx, async (_handlers, library) => {
        const out = options.out === undefined ? undefined : path.resolve(cwd(), options.out)
        const result = await backupLibrary(library.sqlite, library.path, out)
        ctx.io.stdout(
          `Backed up ${inline(library.path)} to ${inline(result.file)} (${plural(result.articles, 'article')}, ${kilobytes(result.bytes)}; integrity check ok)\n`,
        )
      })
    })

  program
    .command('restore')
    .description('replace the library with a backup, keeping a copy of the current library first')
    .argument('<file>', 'a backup made by `quotedesk backup`')
    .action(async (file: string) => {
      const library = libraryPath(ctx)
      const result = await restoreLibrary(library, path.resolve(cwd(), file))
      // Opening it once migrates an older backup and proves the app will open it.
      const reopened = await openLibrary(library)
      await reopened.close()
      const kept = result.keptAs ? `; the previous library was kept as ${inline(result.keptAs)}` : ''
      ctx.io.stdout(
        `Restored ${inline(library)} from ${inline(result.restoredFrom)} (${plural(result.articles, 'article')})${kept}\n`,
      )
    })
}
