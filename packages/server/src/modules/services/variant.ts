import type { ChangeVariantCode, ServiceDefinition } from '@yunzheng/domain';
import { AppError } from '../../http/problem';

/** 变更 must say which kind (信息变更 or 服务单位变更); other services have none. */
export function assertVariant(service: ServiceDefinition, variant: ChangeVariantCode | undefined): void {
  if (service.variants && !service.variants.some((v) => v.code === variant)) {
    const message = `请选择办理类型：${service.variants.map((v) => v.name).join(' 或 ')}`;
    throw new AppError('YZ-GEN-422', message, [{ field: 'variant', message }]);
  }
}
