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
exports.RevealRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
/** The named queries of the reveal: the claim that justifies it, and the values it may open. */
let RevealRepository = class RevealRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    /** The claim, only when it belongs to that resident (another resident's claim id finds nothing). */
    async findClaimOfResident(applicationId, residentId) {
        const rows = await this.dataSource.query(`SELECT id, status, program_id FROM application WHERE id = $1 AND applicant_id = $2`, [applicationId, residentId]);
        const row = rows[0];
        return row ? { id: row.id, status: row.status, programId: row.program_id } : null;
    }
    /** The resident's encrypted phone and profile; null when the id is not a resident's. */
    async findResidentSecrets(residentId) {
        const rows = await this.dataSource.query(`SELECT u.phone_enc, p.name_enc, p.id_number_enc, p.bank_account_enc, p.address_enc
       FROM user_account u LEFT JOIN resident_profile p ON p.user_id = u.id
       WHERE u.id = $1 AND u.role = 'resident'`, [residentId]);
        const row = rows[0];
        if (!row)
            return null;
        return {
            phoneEnc: row.phone_enc,
            profile: row.name_enc
                ? {
                    nameEnc: row.name_enc,
                    idNumberEnc: row.id_number_enc,
                    bankAccountEnc: row.bank_account_enc,
                    addressEnc: row.address_enc,
                }
                : null,
        };
    }
};
exports.RevealRepository = RevealRepository;
exports.RevealRepository = RevealRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], RevealRepository);
//# sourceMappingURL=reveal.repository.js.map