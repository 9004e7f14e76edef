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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SubmitAdmission = exports.GATED_ROUTES = exports.SUBMIT_ROUTE = exports.SubmitGate = exports.AdmissionGate = exports.BUSY_RETRY_AFTER_SECONDS = void 0;
exports.refuseSubmitsWhenFull = refuseSubmitsWhenFull;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const rxjs_1 = require("rxjs");
const config_module_1 = require("../../config/config.module");
const domain_error_1 = require("../errors/domain-error");
const error_body_1 = require("../errors/error-body");
/** Seconds a refused caller is asked to wait (the web client adds jitter before it retries). */
exports.BUSY_RETRY_AFTER_SECONDS = 2;
const BUSY_MESSAGE = 'Too many requests at once, please retry shortly';
const busy = () => new domain_error_1.DomainError(shared_1.ErrorCode.SERVICE_UNAVAILABLE, BUSY_MESSAGE, {
    headers: { 'retry-after': String(exports.BUSY_RETRY_AFTER_SECONDS) },
});
/**
 * Admission control for one kind of work: at most `maxInFlight` at once, a bounded FIFO queue with a
 * bounded wait, and beyond either a fast 503 SERVICE_UNAVAILABLE with Retry-After. Overload then
 * costs the refused callers a few microseconds and a retry, instead of every caller a wait on the
 * database pool without end (at twice the capacity every request used to wait 10 s and more).
 * Per process, like the database pool it protects. A refused request did nothing, so the client's
 * retry with the same Idempotency-Key does the work exactly once.
 */
class AdmissionGate {
    constructor(limits) {
        this.limits = limits;
        this.running = 0;
        this.waiting = [];
    }
    get inFlight() {
        return this.running;
    }
    get queued() {
        return this.waiting.length;
    }
    /** Every slot taken and the queue full: the next caller would be refused at once. */
    get full() {
        return this.running >= this.limits.maxInFlight && this.waiting.length >= this.limits.queueLength;
    }
    /** Resolves with the slot's release function, or rejects with 503 SERVICE_UNAVAILABLE. */
    acquire() {
        if (this.running < this.limits.maxInFlight) {
            this.running++;
            return Promise.resolve(this.releaser());
        }
        if (this.waiting.length >= this.limits.queueLength)
            return Promise.reject(busy());
        return new Promise((resolve, reject) => {
            const waiter = {
                // A released slot passes straight to the waiter: `running` does not move.
                admit: () => {
                    clearTimeout(waiter.timer);
                    resolve(this.releaser());
                },
                timer: setTimeout(() => {
                    const index = this.waiting.indexOf(waiter);
                    if (index >= 0)
                        this.waiting.splice(index, 1);
                    reject(busy());
                }, this.limits.queueTimeoutMs),
            };
            this.waiting.push(waiter);
        });
    }
    releaser() {
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            const next = this.waiting.shift();
            if (next)
                next.admit();
            else
                this.running--;
        };
    }
}
exports.AdmissionGate = AdmissionGate;
/** The submit route's gate, one per process: shared by the early refusal hook and the interceptor. */
let SubmitGate = class SubmitGate {
    constructor(config) {
        this.gate = new AdmissionGate(config.admission.submit);
    }
};
exports.SubmitGate = SubmitGate;
exports.SubmitGate = SubmitGate = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [Object])
], SubmitGate);
/** The metered route, as Fastify names it (Nest's global prefix included). */
exports.SUBMIT_ROUTE = { method: 'POST', url: '/api/applications/:id/submit' };
/**
 * Every route behind the submit gate: the claim's submit and the voucher's issue
 * (`POST /api/vouchers`). Both are the same kind of work — a short transaction under the person's
 * lock that reserves money with its last statement on the program's hot budget row — and a
 * voucher rush (先到先得) is the same storm as a submit rush, so they share one gate: together
 * they never hold more connections than SUBMIT_MAX_IN_FLIGHT.
 */
exports.GATED_ROUTES = [
    exports.SUBMIT_ROUTE,
    { method: 'POST', url: '/api/vouchers' },
];
const gated = (method, url) => exports.GATED_ROUTES.some((route) => route.method === method && route.url === url);
/**
 * Refuses a submit (or a voucher's issue: GATED_ROUTES) at the door while the gate is full: a Fastify `onRequest` hook, so the refusal
 * costs no body parsing, no session lookup (Redis), no CSRF or rate-limit check and no database
 * work — under a storm of retries that is most requests, and their cost is what used to starve the
 * admitted ones of CPU. The answer is the same 503 SERVICE_UNAVAILABLE + Retry-After the gate
 * gives, with the error body, not logged as an error (it is the designed answer to overload).
 * When the gate is not full the request goes on to the guards, and the interceptor below takes the
 * slot: a caller without a session or over its limit never holds one.
 */
function refuseSubmitsWhenFull(fastify, gate) {
    const body = JSON.stringify((0, error_body_1.errorBody)(shared_1.ErrorCode.SERVICE_UNAVAILABLE, BUSY_MESSAGE));
    fastify.addHook('onRequest', (request, reply, done) => {
        if (!gate.full || !gated(request.method, request.routeOptions.url))
            return done();
        void reply
            .status(503)
            .headers({
            'retry-after': String(exports.BUSY_RETRY_AFTER_SECONDS),
            'cache-control': 'no-store',
            'content-type': 'application/json; charset=utf-8',
        })
            .send(body);
    });
}
/**
 * `@UseInterceptors(SubmitAdmission)` on `POST /api/applications/:id/submit` and `POST /api/vouchers`
 * (GATED_ROUTES, one shared gate): the submit holds a
 * database connection (and, for its last statement, the hot budget row) for its transaction, so
 * it is the route to meter (SUBMIT_MAX_IN_FLIGHT, SUBMIT_QUEUE_LENGTH, SUBMIT_QUEUE_TIMEOUT_MS).
 * It runs after the guards (an anonymous or over-limit caller never takes a slot) and holds the
 * slot until the answer is produced, whatever its outcome. While the gate is full,
 * `refuseSubmitsWhenFull` refuses before any of that.
 */
let SubmitAdmission = class SubmitAdmission {
    constructor(submit) {
        this.gate = submit.gate;
    }
    intercept(_context, next) {
        return (0, rxjs_1.defer)(() => (0, rxjs_1.from)(this.gate.acquire())).pipe((0, rxjs_1.mergeMap)((release) => next.handle().pipe((0, rxjs_1.finalize)(release))));
    }
};
exports.SubmitAdmission = SubmitAdmission;
exports.SubmitAdmission = SubmitAdmission = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [SubmitGate])
], SubmitAdmission);
//# sourceMappingURL=admission.js.map