import type { DomainHandlers } from '../../shared/contract'
import type { AppContext } from '../context'
import * as service from './checks.service'

export function checksHandlers(ctx: AppContext) {
  return {
    'quotes:link-source': (input) => service.linkSource(ctx, input),
    'quotes:check': (input) => service.checkQuote(ctx, input.id),
    'quotes:suggest-source': (input) => service.suggestSource(ctx, input.id),
  } satisfies Pick<DomainHandlers<'quotes'>, 'quotes:link-source' | 'quotes:check' | 'quotes:suggest-source'>
}

export function namesHandlers(ctx: AppContext) {
  return {
    'names:flags': (input) => service.nameFlags(ctx, input.id),
    'names:accept': (input) => service.acceptNameFlag(ctx, input),
    'names:dismiss': (input) => service.dismissNameFlag(ctx, input),
  } satisfies DomainHandlers<'names'>
}
