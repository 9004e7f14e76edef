"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AccountActivation1795900000003 = void 0;
/**
 * Two-person rule for accounts that may reveal personal data (reviewer, approver): the admin who
 * creates one, or sets its password, resets its second factor or re-enables it, is recorded here,
 * and the account cannot sign in until a different admin activates it (clears the column).
 */
class AccountActivation1795900000003 {
    constructor() {
        this.name = 'AccountActivation1795900000003';
    }
    async up(queryRunner) {
        await queryRunner.query('ALTER TABLE "user_account" ADD "pending_activation_by" uuid');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "user_account" DROP COLUMN "pending_activation_by"');
    }
}
exports.AccountActivation1795900000003 = AccountActivation1795900000003;
//# sourceMappingURL=1795900000003-AccountActivation.js.map