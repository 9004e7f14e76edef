"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.applicationNotFound = applicationNotFound;
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../common/errors/domain-error");
/** The claim does not exist or is not the caller's (the same answer, so ids cannot be probed). */
function applicationNotFound() {
    return new domain_error_1.DomainError(shared_1.ErrorCode.APPLICATION_NOT_FOUND, 'Application not found');
}
//# sourceMappingURL=application-errors.js.map