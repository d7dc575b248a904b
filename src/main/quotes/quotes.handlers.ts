import type { DomainHandlers } from '../../shared/contract'
import type { AppContext } from '../context'
import * as service from './quotes.service'

export function quotesHandlers(ctx: AppContext) {
  return {
    'quotes:list': (input) => service.listQuotes(ctx, input),
    'quotes:annotations': (input) => service.getAnnotations(ctx, input.id),
    'quotes:analyze': (input) => service.analyzeArticle(ctx, input.id),
    'quotes:create': (input) => service.createQuote(ctx, input),
    'quotes:update-span': (input) => service.updateSpan(ctx, input),
    'quotes:remove': (input) => service.removeQuote(ctx, input.id),
    'quotes:set-speaker': (input) => service.setSpeaker(ctx, input),
    'quotes:set-status': (input) => service.setStatus(ctx, input),
    'quotes:history': (input) => service.quoteHistory(ctx, input.id),
  } satisfies Omit<DomainHandlers<'quotes'>, 'quotes:link-source' | 'quotes:check' | 'quotes:suggest-source'>
}
