import type { DomainHandlers } from '../../shared/contract'
import type { AppContext } from '../context'
import * as service from './library.service'

export function libraryHandlers(ctx: AppContext) {
  return {
    'library:search': (input) => service.searchLibrary(ctx, input),
    'library:info': () => service.libraryInfo(ctx),
  } satisfies DomainHandlers<'library'>
}
