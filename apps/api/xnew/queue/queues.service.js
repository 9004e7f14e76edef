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
exports.QueuesService = void 0;
const common_1 = require("@nestjs/common");
const config_module_1 = require("../config/config.module");
const jobs_1 = require("./jobs");
const queue_factory_1 = require("./queue.factory");
/** One BullMQ Queue per name, created on first use and closed at shutdown. */
let QueuesService = class QueuesService {
    constructor(config) {
        this.config = config;
        this.queues = new Map();
    }
    get(name) {
        let queue = this.queues.get(name);
        if (!queue) {
            queue = (0, queue_factory_1.createQueue)(this.config, name);
            this.queues.set(name, queue);
        }
        return queue;
    }
    names() {
        return jobs_1.QUEUE_NAMES;
    }
    async onApplicationShutdown() {
        await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    }
};
exports.QueuesService = QueuesService;
exports.QueuesService = QueuesService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, config_module_1.InjectConfig)()),
    __metadata("design:paramtypes", [Object])
], QueuesService);
//# sourceMappingURL=queues.service.js.map