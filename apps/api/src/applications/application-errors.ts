import { ErrorCode } from '@huanxin/shared';
import { DomainError } from '../common/errors/domain-error';

/** The claim does not exist or is not the caller's (the same answer, so ids cannot be probed). */
export function applicationNotFound(): DomainError {
  return new DomainError(ErrorCode.APPLICATION_NOT_FOUND, 'Application not found');
}
