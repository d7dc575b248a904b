import type { DomainHandlers } from '../../shared/contract'
import type { AppContext } from '../context'
import * as service from './sources.service'

export function sourcesHandlers(ctx: AppContext) {
  return {
    'sources:create': (input) => service.createSource(ctx, input),
    'sources:import': (input) => service.importSource(ctx, input),
    'sources:list': (input) => service.listSources(ctx, input),
    'sources:get': (input) => service.getSource(ctx, input.id),
    'sources:update': (input) => service.updateSource(ctx, input),
    'sources:delete': (input) => service.deleteSource(ctx, input.id),
    'sources:citations': (input) => service.sourceCitations(ctx, input.id),
  } satisfies DomainHandlers<'sources'>
}
