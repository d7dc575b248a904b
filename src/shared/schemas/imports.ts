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
