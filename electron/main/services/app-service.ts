import { ok } from '../../common/result';
import type { Service, ServiceContext } from './context';

export function createAppService(ctx: ServiceContext): Service<'app:info'> {
  return { handlers: { 'app:info': () => ok(ctx.appInfo) } };
}
