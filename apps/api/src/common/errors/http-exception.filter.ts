import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { ErrorCode, genericCodeForStatus, statusOf } from '@huanxin/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../logging/logger';
import { DomainError } from './domain-error';
import { errorBody } from './error-body';
import { classifyInfrastructureError, INFRASTRUCTURE_ANSWER } from './infrastructure';

interface Mapped {
  status: number;
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
  clauses?: unknown[];
  headers?: Record<string, string>;
  extra?: Record<string, unknown>;
}

/** A framework-level refusal: the status of its code comes from the shared table. */
const framework = (code: ErrorCode, message: string): Mapped => ({ status: statusOf(code), code, message });

/** A bare status (Nest or Fastify gave no code): its generic code; a 404 here is an unknown route. */
function fromStatus(status: number, message: string): Mapped {
  if (status === 404) return framework(ErrorCode.ROUTE_NOT_FOUND, message);
  const code =
    genericCodeForStatus(status) ?? (status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_ERROR);
  return { status: status >= 400 && status < 600 ? status : statusOf(code), code, message };
}

/** Fastify's own request errors (parsing, size, media type) carry a FST_* code and a statusCode. */
function mapFastifyError(error: { code?: string; statusCode?: number }): Mapped | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return framework(ErrorCode.MALFORMED_JSON, 'The request body is not valid JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return framework(ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return framework(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Unsupported request body');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return framework(ErrorCode.BAD_REQUEST, 'Unsupported request body');
    default:
      if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
        return fromStatus(error.statusCode, 'The request could not be processed');
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
    const response = exception.getResponse();
    const message =
      typeof response === 'object' &&
      response !== null &&
      'message' in response &&
      typeof response.message === 'string'
        ? response.message
        : exception.message;
    return fromStatus(exception.getStatus(), message);
  }
  const failure = classifyInfrastructureError(exception);
  if (failure) {
    const { headers, ...answer } = INFRASTRUCTURE_ANSWER[failure];
    return headers ? { ...answer, headers } : answer;
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
  const where = { reqId: request.id, method: request.method, route: request.routeOptions?.url };
  if (!mapped || mapped.status >= 500) {
    logger.error({ err: exception, ...where }, 'request failed');
  } else if (classifyInfrastructureError(exception) === 'bad-data') {
    // The database refused a value the route's validation let through: answered 422, but the
    // validation of that route has a gap worth closing. The SQLSTATE only, never the value.
    logger.warn(
      { ...where, sqlstate: (exception as { driverError?: { code?: string } }).driverError?.code },
      'a value reached the database unvalidated',
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
