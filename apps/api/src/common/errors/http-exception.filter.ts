import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@huanxin/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../logging/logger';
import { DomainError } from './domain-error';
import { errorBody } from './error-body';

interface Mapped {
  status: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
  clauses?: unknown[];
  headers?: Record<string, string>;
  extra?: Record<string, unknown>;
}

const STATUS_CODES: Record<number, string> = {
  400: ErrorCode.BAD_REQUEST,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.ROUTE_NOT_FOUND,
  405: ErrorCode.METHOD_NOT_ALLOWED,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  422: ErrorCode.VALIDATION_FAILED,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

/** Fastify's own request errors (parsing, size, media type) carry a FST_* code and a statusCode. */
function mapFastifyError(error: { code?: string; statusCode?: number }): Mapped | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: ErrorCode.MALFORMED_JSON, message: 'The request body is not valid JSON' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return { status: 413, code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'The request body is too large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 415 : 400,
        code:
          error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? ErrorCode.UNSUPPORTED_MEDIA_TYPE
            : ErrorCode.BAD_REQUEST,
        message: 'Unsupported request body',
      };
    default:
      if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
        return {
          status: error.statusCode,
          code: STATUS_CODES[error.statusCode] ?? ErrorCode.BAD_REQUEST,
          message: 'The request could not be processed',
        };
      }
      return undefined;
  }
}

export function mapError(exception: unknown): Mapped | undefined {
  if (exception instanceof DomainError) {
    return {
      status: exception.status,
      code: exception.code,
      message: exception.message,
      ...exception.details,
    };
  }
  if (exception instanceof HttpException) {
    // Nest wraps Fastify's own request errors (body parsing, limits) and keeps them as the cause.
    const fromFastify =
      typeof exception.cause === 'object' && exception.cause !== null
        ? mapFastifyError(exception.cause)
        : undefined;
    if (fromFastify) return fromFastify;
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'object' &&
      response !== null &&
      'message' in response &&
      typeof response.message === 'string'
        ? response.message
        : exception.message;
    return {
      status,
      code: STATUS_CODES[status] ?? (status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_ERROR),
      message,
    };
  }
  if (typeof exception === 'object' && exception !== null) return mapFastifyError(exception);
  return undefined;
}

/**
 * The one place errors become HTTP. Known errors keep their code; anything else is logged with
 * context and answered with a generic 500 (never a stack trace, never internal detail).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    sendError(reply, request, exception, this.logger);
  }
}

export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  exception: unknown,
  logger: Logger,
): void {
  const mapped = mapError(exception);
  if (!mapped || mapped.status >= 500) {
    logger.error(
      { err: exception, reqId: request.id, method: request.method, route: request.routeOptions?.url },
      'request failed',
    );
  }
  const status = mapped?.status ?? HttpStatus.INTERNAL_SERVER_ERROR;
  const body =
    mapped && mapped.status < 500
      ? errorBody(mapped.code, mapped.message, mapped)
      : errorBody(
          mapped?.code ?? ErrorCode.INTERNAL_ERROR,
          mapped?.status === 503 ? mapped.message : 'An unexpected error occurred',
        );
  if (mapped?.headers) void reply.headers(mapped.headers);
  void reply.status(status).header('cache-control', 'no-store').send(body);
}
