"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WHAT_IF = void 0;
const jobs_1 = require("../../../queue/jobs");
/** A large program's what-if (queue `programs`), added by the route, not the outbox (no transaction). */
exports.WHAT_IF = (0, jobs_1.defineJob)({
    queue: 'programs',
    name: 'programs.what-if',
    jobId: ({ runId }) => `what-if-${runId}`,
});
//# sourceMappingURL=what-if.jobs.js.map