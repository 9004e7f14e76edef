import type { Readable } from 'node:stream';
import { ErrorCode } from '@huanxin/shared';
import type { FastifyRequest } from 'fastify';
import { bodyTimedOut, requestTimeoutError } from '../common/http/body-deadline';
import { DomainError } from '../common/errors/domain-error';

export interface IncomingFile {
  stream: Readable & { truncated?: boolean };
  filename: string;
  /** The `kind` field, when it came before the file part. */
  kind: string | undefined;
  /** Every field sent before the file part (the first value of each name). */
  fields: Record<string, string>;
}

/**
 * An upload's multipart body, read in order: the fields up to the file part, the file (streamed
 * by the caller), then the rest of the body up to its closing boundary. Nothing is accepted
 * before the closing boundary arrived, so a body cut short, or one that never ends, is refused.
 */
export interface UploadBody {
  /** The file part (after the fields before it), or null when the body has none. */
  file(): Promise<IncomingFile | null>;
  /** Reads the rest of the body, once the file has been consumed, up to its closing boundary. */
  end(): Promise<void>;
}

const TOO_LARGE = new Set([
  'FST_REQ_FILE_TOO_LARGE',
  'FST_FILES_LIMIT',
  'FST_PARTS_LIMIT',
  'FST_FIELDS_LIMIT',
]);

/**
 * What went wrong with the body, as a contract error: a timeout stays 408, limits are 413, and
 * anything else the multipart parser or the incoming stream raised (no boundary, garbage, a part
 * terminated early, a premature close) is the client's malformed body: 400, never a 500.
 */
export function bodyError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TOO_LARGE.has(code))
    return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, 'The upload is too large (one file, ≤ 10 MB)');
  return new DomainError(ErrorCode.BAD_REQUEST, 'The multipart body is malformed or incomplete');
}

/**
 * The upload body of a request (415 when it is not multipart/form-data). `fileSize` replaces the
 * app-wide 10 MB file limit for a route that takes larger files (the sales import).
 */
export function multipartUpload(request: FastifyRequest, options: { fileSize?: number } = {}): UploadBody {
  let parts: AsyncIterator<Awaited<ReturnType<FastifyRequest['file']>> & object> | undefined;
  const next = async () => {
    try {
      return await parts!.next();
    } catch (error) {
      throw bodyError(error);
    }
  };
  return {
    async file() {
      if (!request.isMultipart())
        throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the file as multipart/form-data');
      // The body's deadline may have passed before anyone read it (parts() listens from now on).
      if (bodyTimedOut(request)) throw requestTimeoutError();
      const limits = options.fileSize === undefined ? undefined : { limits: { fileSize: options.fileSize } };
      parts = request.parts(limits)[Symbol.asyncIterator]() as typeof parts;
      // No prototype: a field named `__proto__` is a field like any other.
      const fields = Object.create(null) as Record<string, string>;
      for (let step = await next(); !step.done; step = await next()) {
        const part = step.value;
        if (part.type === 'file')
          return { stream: part.file, filename: part.filename, kind: fields.kind, fields };
        const field = part as unknown as { fieldname: string; value: unknown };
        if (!Object.hasOwn(fields, field.fieldname)) fields[field.fieldname] = String(field.value);
      }
      return null;
    },
    async end() {
      for (let step = await next(); !step.done; step = await next()) {
        // Only one file per upload (the parser's `files: 1` limit raises 413 for a second one).
        if (step.value.type === 'file') step.value.file.resume();
      }
    },
  };
}
