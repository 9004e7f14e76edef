"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jsonBodyParser = jsonBodyParser;
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../errors/domain-error");
const input_guard_1 = require("./input-guard");
const utf8 = new TextDecoder('utf-8', { fatal: true });
/**
 * The JSON body parser: Fastify's own (`__proto__` / `constructor.prototype` refused), with the
 * edge checks of input-guard.ts around it: bytes that are not UTF-8 are malformed JSON (400), a
 * body nested deeper than MAX_JSON_DEPTH is 400 JSON_TOO_DEEP (checked on the text, before
 * anything is built), and NUL, lone surrogates and unsafe integers are 422 with the field's code.
 */
function jsonBodyParser(fastify) {
    const parse = fastify.getDefaultJsonParser('error', 'error');
    return (request, body, done) => {
        let text;
        try {
            text = utf8.decode(body);
        }
        catch {
            done(new domain_error_1.DomainError(shared_1.ErrorCode.MALFORMED_JSON, 'The request body is not valid UTF-8'));
            return;
        }
        if ((0, input_guard_1.jsonDepthExceeds)(text)) {
            done((0, input_guard_1.jsonTooDeep)());
            return;
        }
        void parse(request, text, (error, value) => {
            if (error)
                return done(error);
            try {
                (0, input_guard_1.assertSafeInput)(value);
            }
            catch (refused) {
                return done(refused);
            }
            done(null, value);
        });
    };
}
//# sourceMappingURL=json-body.js.map