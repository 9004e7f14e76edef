import { ErrorCode } from '@huanxin/shared';
import { DomainError } from '../common/errors/domain-error';
import { bodyError, type UploadBody } from '../documents/multipart-upload';

/** The uploaded file's bytes (the multipart limits bound its size: 413 beyond them). */
export async function readUpload(body: UploadBody): Promise<Buffer> {
  const file = await body.file();
  if (!file)
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Send the result file as `file`', {
      fields: { file: 'REQUIRED' },
    });
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of file.stream) chunks.push(chunk as Buffer);
  } catch (error) {
    throw bodyError(error);
  }
  if (file.stream.truncated) throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, 'The file is too large');
  await body.end();
  return Buffer.concat(chunks);
}
