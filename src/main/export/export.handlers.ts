import type { Handlers } from '../../shared/contract'
import type { AppContext } from '../context'
import * as service from './export.service'
import { saveExport } from './save.service'

export function exportHandlers(ctx: AppContext) {
  return {
    'export:article': (input) => service.exportArticle(ctx, input),
    'export:save': (input) => saveExport(ctx, input),
    'import:json': (input) => service.importJson(ctx, input),
  } satisfies Pick<Handlers, 'export:article' | 'export:save' | 'import:json'>
}
