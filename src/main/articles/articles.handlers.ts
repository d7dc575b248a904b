import type { DomainHandlers } from '../../shared/contract'
import type { AppContext } from '../context'
import * as service from './articles.service'

export function articlesHandlers(ctx: AppContext) {
  return {
    'articles:create': (input) => service.createArticle(ctx, input),
    'articles:import': (input) => service.importArticle(ctx, input),
    'articles:list': (input) => service.listArticles(ctx, input),
    'articles:get': (input) => service.getArticle(ctx, input.id),
    'articles:update': (input) => service.updateArticle(ctx, input),
    'articles:delete': (input) => service.deleteArticle(ctx, input.id),
  } satisfies DomainHandlers<'articles'>
}
