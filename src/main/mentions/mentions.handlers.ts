import type { DomainHandlers } from '../../shared/contract'
import type { AppContext } from '../context'
import * as service from './mentions.service'

export function mentionsHandlers(ctx: AppContext) {
  return {
    'mentions:create': (input) => service.createMention(ctx, input),
    'mentions:remove': (input) => service.removeMention(ctx, input.id),
  } satisfies DomainHandlers<'mentions'>
}
