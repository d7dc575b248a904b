import { z } from 'zod'
import { LIMITS, safeText } from '../text'

/** The largest file Quotedesk imports, in bytes. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/**
 * A file chosen by the user, sent as bytes: the renderer never hands a filesystem path to
 * the main process, so a compromised page cannot make it read anything it was not given.
 */
export const FileUpload = z.strictObject({
  fileName: safeText(LIMITS.name).refine((name) => name.trim() !== '', 'must not be empty'),
  /** The file's bytes, base64-encoded. */
  dataBase64: z
    .string()
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, 'file is larger than the 50 MB import limit')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
})
export type FileUpload = z.infer<typeof FileUpload>

/**
 * The most a .docx may unpack to. A zip bomb is refused from its central directory, before
 * anything is inflated, and an entry that inflates past its declared size is refused too.
 */
export const MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024

/**
 * The most XML a .docx may hold, whatever its parts are named: the longest article Quotedesk
 * stores (`LIMITS.body`, 50 MiB of text) plus a quarter for markup. Its parsers multiply XML many
 * times over in memory (190 MB of it, in a 291 KB file, took the whole process down), so the
 * work is bounded by the text limit, not by what the zip says (issue 12, finding 3).
 */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024

export const DocumentFormat = z.enum(['txt', 'md', 'html', 'docx', 'vtt', 'srt'])
export type DocumentFormat = z.infer<typeof DocumentFormat>

/**
 * One line of a timed transcript: where it sits in the stored text (UTF-16 code units, the
 * same unit as every other offset) and when it was said, as `HH:MM:SS.mmm` from the start.
 */
export const Timing = z
  .strictObject({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    time: z.string().regex(/^\d{2,}:[0-5]\d:[0-5]\d\.\d{3}$/, 'must be a time like 00:01:23.450'),
  })
  .refine((timing) => timing.end >= timing.start, { message: 'must not end before it starts', path: ['end'] })
export type Timing = z.infer<typeof Timing>
