import { ErrorCode, SALES_IMPORT_MAX_BYTES } from '@huanxin/shared';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error';
import { bodyError, multipartUpload } from '../../documents/multipart-upload';
import { readCsv } from './csv-reader';
import { sniffImportFile, type ImportFileKind } from './file-kind';
import type { Sheet } from './sheet';
import { readXlsx } from './xlsx-reader';

const tooLarge = () =>
  new DomainError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `The import file is too large (at most ${SALES_IMPORT_MAX_BYTES / 1024 / 1024} MB)`,
    { extra: { maxBytes: SALES_IMPORT_MAX_BYTES } },
  );

/**
 * The uploaded import file's bytes, from the multipart field `file`. The parser stops reading at
 * SALES_IMPORT_MAX_BYTES (413), so a larger body is never held in memory.
 */
export async function readImportUpload(request: FastifyRequest): Promise<Buffer> {
  const body = multipartUpload(request, { fileSize: SALES_IMPORT_MAX_BYTES });
  const file = await body.file();
  if (!file)
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Send the CSV or XLSX file as `file`', {
      fields: { file: 'REQUIRED' },
    });
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of file.stream) chunks.push(chunk as Buffer);
  } catch (error) {
    const refused = bodyError(error);
    throw refused.code === ErrorCode.PAYLOAD_TOO_LARGE ? tooLarge() : refused;
  }
  if (file.stream.truncated) throw tooLarge();
  await body.end();
  return Buffer.concat(chunks);
}

/** The file as a sheet: its kind by magic bytes (415 otherwise), then the CSV or XLSX reader. */
export async function readImportFile(content: Buffer): Promise<{ kind: ImportFileKind; sheet: Sheet }> {
  const kind = sniffImportFile(content);
  return { kind, sheet: kind === 'csv' ? readCsv(content) : await readXlsx(content) };
}
