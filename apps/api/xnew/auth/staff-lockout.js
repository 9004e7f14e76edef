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
exports.StaffLockout = exports.LOCK_MINUTES = exports.LOCK_AFTER_FAILURES = void 0;
const common_1 = require("@nestjs/common");
const clock_1 = require("../common/clock");
const users_repository_1 = require("../users/users.repository");
exports.LOCK_AFTER_FAILURES = 5;
exports.LOCK_MINUTES = 30;
/**
 * The staff lock-out, decided in PostgreSQL before any password is compared (see
 * UsersRepository.reserveLoginAttempt): under a burst of parallel attempts at most
 * LOCK_AFTER_FAILURES passwords are checked per lock window, every attempt is counted, and a
 * success is accepted only if the account is still unlocked when it is recorded.
 */
let StaffLockout = class StaffLockout {
    constructor(users, clock) {
        this.users = users;
        this.clock = clock;
    }
    /** The password account of `username` (normalised), or null (residents never use a password). */
    async findAccount(username) {
        const user = await this.users.findByUsername(username);
        return user && user.role !== 'resident' ? user : null;
    }
    /** Takes an attempt slot; `checked: false` means locked: refuse without comparing. */
    reserve(user) {
        const now = this.clock.now();
        return this.users.reserveLoginAttempt(user.id, now, exports.LOCK_AFTER_FAILURES, this.lockUntil(now));
    }
    /** The checked attempt failed; true when it locked the account. */
    async failed(user) {
        const { locked } = await this.users.confirmLoginFailure(user.id, exports.LOCK_AFTER_FAILURES, this.lockUntil(this.clock.now()));
        return locked;
    }
    /** A correct password that stops before a session; false if the account got locked meanwhile. */
    refund(user) {
        return this.users.refundLoginAttempt(user.id, this.clock.now());
    }
    /** Records the sign-in; false (refuse it) if the account got locked meanwhile. */
    succeeded(user, totpStep) {
        return this.users.recordStaffLoginSuccess(user.id, this.clock.now(), totpStep);
    }
    lockUntil(now) {
        return new Date(now.getTime() + exports.LOCK_MINUTES * 60_000);
    }
};
exports.StaffLockout = StaffLockout;
exports.StaffLockout = StaffLockout = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [users_repository_1.UsersRepository,
        clock_1.Clock])
], StaffLockout);
//# sourceMappingURL=staff-lockout.js.map