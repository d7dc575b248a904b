import fs from 'node:fs/promises'
import path from 'node:path'
import type { Command } from 'commander'
import { MAX_IMPORT_BYTES } from '../../../shared/schemas/imports'
import { dispatch } from '../../rpc/dispatch'
import { describeError, withLibrary, type CliContext } from '../context'

function readError(file: string, err: unknown): string {
  const code = (err as { code?: unknown }).code
  if (code === 'ENOENT') return `${file}: no such file`
  if (code === 'EISDIR') return `${file}: is a folder, not a file`
  if (code === 'EACCES' || code === 'EPERM') return `${file}: permission denied`
  return `${file}: cannot read it (${describeError(err)})`
}

async function readFile(file: string): Promise<Buffer> {
  // Refuse a huge file before reading it into memory; the service's own check comes after.
  const stat = await fs.stat(file)
  if (stat.isFile() && stat.size > MAX_IMPORT_BYTES) {
    throw Object.assign(new Error(`the file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB`), {
      code: 'EFBIG',
    })
  }
  return fs.readFile(file)
}

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('import .txt and .md articles into the library')
    .argument('<files...>', 'files to import')
    .action(async (files: string[]) => {
      await withLibrary(ctx, async (handlers) => {
        for (const file of files) {
          let bytes: Buffer
          try {
            bytes = await readFile(path.resolve(ctx.io.cwd ?? process.cwd(), file))
          } catch (err) {
            const code = (err as { code?: unknown }).code
            ctx.io.stderr(`quotedesk: ${code === 'EFBIG' ? `${file}: ${describeError(err)}` : readError(file, err)}\n`)
            ctx.exitCode = 1
            continue
          }
          // The same channel the app uses, so a file decodes the same way from the CLI and the UI.
          const reply = await dispatch(handlers, 'articles:import', {
            fileName: path.basename(file),
            dataBase64: bytes.toString('base64'),
          })
          if (reply.ok) {
            const article = reply.value as { id: string; title: string }
            ctx.io.stdout(`Imported "${article.title}" (${article.id}) from ${file}\n`)
          } else {
            // Decode errors already name the file; validation errors do not.
            const message = reply.error.message.startsWith(path.basename(file))
              ? reply.error.message
              : `${file}: ${reply.error.message}`
            ctx.io.stderr(`quotedesk: ${message}\n`)
            ctx.exitCode = 1
          }
        }
      })
    })
}
