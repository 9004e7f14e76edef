"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.errorBody = errorBody;
function errorBody(code, message, details = {}) {
    return {
        error: {
            ...details.extra,
            code,
            message,
            ...(details.fields && { fields: details.fields }),
            ...(details.clauses && { clauses: details.clauses }),
        },
    };
}
//# sourceMappingURL=error-body.js.map