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
exports.WhatIfProcessor = void 0;
const common_1 = require("@nestjs/common");
const job_processor_1 = require("../../../queue/job-processor");
const what_if_jobs_1 = require("./what-if.jobs");
const what_if_service_1 = require("./what-if.service");
/**
 * Queue `programs`: a large program's what-if (WhatIfService.runJob), its progress reported after
 * every page. A read: running it twice after a crash costs time, not correctness. One at a time per
 * worker process — each walks a whole program.
 */
let WhatIfProcessor = class WhatIfProcessor {
    constructor(whatIf) {
        this.whatIf = whatIf;
        this.jobs = (0, job_processor_1.handleJobs)([what_if_jobs_1.WHAT_IF], {
            'programs.what-if': (payload, job) => this.whatIf.runJob(payload, job),
        });
    }
};
exports.WhatIfProcessor = WhatIfProcessor;
exports.WhatIfProcessor = WhatIfProcessor = __decorate([
    (0, common_1.Injectable)(),
    (0, job_processor_1.JobProcessor)({ concurrency: 1 }),
    __metadata("design:paramtypes", [what_if_service_1.WhatIfService])
], WhatIfProcessor);
//# sourceMappingURL=what-if.processor.js.map