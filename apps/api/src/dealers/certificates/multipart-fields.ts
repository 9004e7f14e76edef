import type { Type } from '@nestjs/common';
import { createValidationPipe } from '../../common/validation/validation.pipe';

const fieldsPipe = createValidationPipe();

/**
 * A multipart upload's fields (those sent before the file part), validated like a JSON body by the
 * global pipe: unknown fields refused, text PostgreSQL cannot hold refused, 422 with `fields`.
 */
export async function validateFields<T extends object>(
  dto: Type<T>,
  fields: Record<string, string>,
): Promise<T> {
  return (await fieldsPipe.transform({ ...fields }, { type: 'body', metatype: dto })) as T;
}
