import type { DomainHandlers } from '../../shared/contract'
import type { AppContext } from '../context'
import * as service from './entities.service'

export function entitiesHandlers(ctx: AppContext) {
  return {
    'entities:create': (input) => service.createEntity(ctx, input),
    'entities:list': (input) => service.listEntities(ctx, input),
    'entities:get': (input) => service.getEntity(ctx, input.id),
    'entities:update': (input) => service.updateEntity(ctx, input),
    'entities:delete': (input) => service.deleteEntity(ctx, input.id),
    'entities:merge': (input) => service.mergeEntities(ctx, input),
    'entities:quotes': (input) => service.quotesOfEntity(ctx, input.id),
  } satisfies DomainHandlers<'entities'>
}
