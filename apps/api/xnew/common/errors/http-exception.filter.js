"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.HttpExceptionFilter = void 0;
exports.mapError = mapError;
exports.sendError = sendError;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("./domain-error");
const error_body_1 = require("./error-body");
const infrastructure_1 = require("./infrastructure");
/** A framework-level refusal: the status of its code comes from the shared table. */
const framework = (code, message) => ({ status: (0, shared_1.statusOf)(code), code, message });
/** A bare status (Nest or Fastify gave no code): its generic code; a 404 here is an unknown route. */
function fromStatus(status, message) {
    if (status === 404)
        return framework(shared_1.ErrorCode.ROUTE_NOT_FOUND, message);
    const code = (0, shared_1.genericCodeForStatus)(status) ?? (status < 500 ? shared_1.ErrorCode.BAD_REQUEST : shared_1.ErrorCode.INTERNAL_ERROR);
    return { status: status >= 400 && status < 600 ? status : (0, shared_1.statusOf)(code), code, message };
}
/** Fastify's own request errors (parsing, size, media type) carry a FST_* code and a statusCode. */
function mapFastifyError(error) {
    switch (error.code) {
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
            return framework(shared_1.ErrorCode.MALFORMED_JSON, 'The request body is not valid JSON');
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
        case 'FST_REQ_FILE_TOO_LARGE':
        case 'FST_FILES_LIMIT':
        case 'FST_PARTS_LIMIT':
            return framework(shared_1.ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is too large');
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
            return framework(shared_1.ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Unsupported request body');
        case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
            return framework(shared_1.ErrorCode.BAD_REQUEST, 'Unsupported request body');
        default:
            if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
                return fromStatus(error.statusCode, 'The request could not be processed');
            }
            return undefined;
    }
}
function mapError(exception) {
    if (exception instanceof domain_error_1.DomainError) {
        return {
            status: exception.status,
            code: exception.code,
            message: exception.message,
            ...exception.details,
        };
    }
    if (exception instanceof common_1.HttpException) {
        // Nest wraps Fastify's own request errors (body parsing, limits) and keeps them as the cause.
        const fromFastify = typeof exception.cause === 'object' && exception.cause !== null
            ? mapFastifyError(exception.cause)
            : undefined;
        if (fromFastify)
            return fromFastify;
        const response = exception.getResponse();
        const message = typeof response === 'object' &&
            response !== null &&
            'message' in response &&
            typeof response.message === 'string'
            ? response.message
            : exception.message;
        return fromStatus(exception.getStatus(), message);
    }
    const failure = (0, infrastructure_1.classifyInfrastructureError)(exception);
    if (failure) {
        const { headers, ...answer } = infrastructure_1.INFRASTRUCTURE_ANSWER[failure];
        return headers ? { ...answer, headers } : answer;
    }
    if (typeof exception === 'object' && exception !== null)
        return mapFastifyError(exception);
    return undefined;
}
/**
 * The one place errors become HTTP. Known errors keep their code; anything else is logged with
 * context and answered with a generic 500 (never a stack trace, never internal detail).
 */
let HttpExceptionFilter = class HttpExceptionFilter {
    constructor(logger) {
        this.logger = logger;
    }
    catch(exception, host) {
        const http = host.switchToHttp();
        const reply = http.getResponse();
        const request = http.getRequest();
        sendError(reply, request, exception, this.logger);
    }
};
exports.HttpExceptionFilter = HttpExceptionFilter;
exports.HttpExceptionFilter = HttpExceptionFilter = __decorate([
    (0, common_1.Catch)(),
    __metadata("design:paramtypes", [Object])
], HttpExceptionFilter);
function sendError(reply, request, exception, logger) {
    const mapped = mapError(exception);
    const where = { reqId: request.id, method: request.method, route: request.routeOptions?.url };
    if (!mapped || mapped.status >= 500) {
        logger.error({ err: exception, ...where }, 'request failed');
    }
    else if ((0, infrastructure_1.classifyInfrastructureError)(exception) === 'bad-data') {
        // The database refused a value the route's validation let through: answered 422, but the
        // validation of that route has a gap worth closing. The SQLSTATE only, never the value.
        logger.warn({ ...where, sqlstate: exception.driverError?.code }, 'a value reached the database unvalidated');
    }
    const status = mapped?.status ?? common_1.HttpStatus.INTERNAL_SERVER_ERROR;
    const body = mapped && mapped.status < 500
        ? (0, error_body_1.errorBody)(mapped.code, mapped.message, mapped)
        : (0, error_body_1.errorBody)(mapped?.code ?? shared_1.ErrorCode.INTERNAL_ERROR, mapped?.status === 503 ? mapped.message : 'An unexpected error occurred');
    if (mapped?.headers)
        void reply.headers(mapped.headers);
    void reply.status(status).header('cache-control', 'no-store').send(body);
}
//# sourceMappingURL=http-exception.filter.js.map