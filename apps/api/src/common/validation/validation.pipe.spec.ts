import { IsIn, IsInt, IsString, MaxLength, ValidateNested, type ValidationError } from 'class-validator';
import { Type } from 'class-transformer';
import { createValidationPipe, toFieldCodes } from './validation.pipe';
import { DomainError } from '../errors/domain-error';

class Inner {
  @IsInt()
  count: number;
}

class Body {
  @IsString()
  @MaxLength(5)
  name: string;

  @IsIn(['a', 'b'])
  kind: string;

  @ValidateNested()
  @Type(() => Inner)
  inner: Inner;
}

describe('validation pipe', () => {
  const pipe = createValidationPipe();
  const meta = { type: 'body' as const, metatype: Body };

  it('refuses unknown fields and reports every field with a code, nested paths dotted', async () => {
    const error = await pipe
      .transform({ name: 'toolongname', kind: 'z', inner: { count: 'x' }, status: 'approved' }, meta)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(422);
    expect((error as DomainError).details.fields).toEqual({
      name: 'TOO_LONG',
      kind: 'NOT_IN_OPTIONS',
      'inner.count': 'INVALID_TYPE',
      status: 'UNKNOWN_FIELD',
    });
  });

  it('passes a valid body through as the DTO class', async () => {
    const value = await pipe.transform({ name: 'ok', kind: 'a', inner: { count: 2 } }, meta);
    expect(value).toBeInstanceOf(Body);
  });

  it('uses a code carried in a custom validator message', () => {
    const errors = [
      { property: 'idNumber', constraints: { identifier: 'INVALID_CHECKSUM' }, children: [] },
    ] as unknown as ValidationError[];
    expect(toFieldCodes(errors)).toEqual({ idNumber: 'INVALID_CHECKSUM' });
  });
});
