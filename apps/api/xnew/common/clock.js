"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.Clock = void 0;
exports.shanghaiDate = shanghaiDate;
const common_1 = require("@nestjs/common");
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
});
/** Calendar date (YYYY-MM-DD) in Asia/Shanghai, the zone every program window is written in. */
function shanghaiDate(at) {
    return SHANGHAI_DATE.format(at);
}
/** The time source. Tests replace it to move time (code expiry, session timeouts, windows). */
let Clock = class Clock {
    now() {
        return new Date();
    }
    today() {
        return shanghaiDate(this.now());
    }
};
exports.Clock = Clock;
exports.Clock = Clock = __decorate([
    (0, common_1.Injectable)()
], Clock);
//# sourceMappingURL=clock.js.map