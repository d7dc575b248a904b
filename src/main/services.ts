import os from 'node:os'
import type { Handlers } from '../shared/contract'
import { articlesHandlers } from './articles/articles.handlers'
import { checksHandlers, namesHandlers } from './checks/checks.handlers'
import type { AppContext, DesktopCapabilities } from './context'
import type { Library } from './db/connection'
import { entitiesHandlers } from './entities/entities.handlers'
import { exportHandlers } from './export/export.handlers'
import { libraryHandlers } from './library/library.handlers'
import { mentionsHandlers } from './mentions/mentions.handlers'
import { quotesHandlers } from './quotes/quotes.handlers'
import { sourcesHandlers } from './sources/sources.handlers'

/** Who is acting, for the audit log: the OS user unless a name is configured. */
export function defaultActor(): string {
  try {
    return os.userInfo().username || 'unknown'
  } catch {
    return 'unknown'
  }
}

/** Every channel's handler, bound to one open library. A missing channel is a compile error. */
export function createHandlers(
  library: Library,
  actor: () => string = defaultActor,
  desktop?: DesktopCapabilities,
): Handlers {
  const ctx: AppContext = { library, actor, desktop }
  return {
    ...articlesHandlers(ctx),
    ...entitiesHandlers(ctx),
    ...sourcesHandlers(ctx),
    ...quotesHandlers(ctx),
    ...mentionsHandlers(ctx),
    ...checksHandlers(ctx),
    ...namesHandlers(ctx),
    ...libraryHandlers(ctx),
    ...exportHandlers(ctx),
  }
}
