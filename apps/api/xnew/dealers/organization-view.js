"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ORGANIZATION_FIELDS = void 0;
exports.organizationView = organizationView;
const shared_1 = require("@huanxin/shared");
/** The encrypted columns' field names (bound into the ciphertext as additional data). */
exports.ORGANIZATION_FIELDS = {
    contactPhone: 'organization.contact_phone',
    payoutAccount: 'organization.payout_account',
};
/** An organisation as every route shows it: the contact phone and payout account masked. */
function organizationView(organization, cipher) {
    const reveal = (stored, field) => (stored ? cipher.decrypt(stored, field) : null);
    const phone = reveal(organization.contactPhoneEnc, exports.ORGANIZATION_FIELDS.contactPhone);
    const account = reveal(organization.payoutAccountEnc, exports.ORGANIZATION_FIELDS.payoutAccount);
    return {
        id: organization.id,
        name: organization.name,
        uscc: organization.uscc,
        kinds: organization.kinds,
        programs: organization.programs,
        status: organization.status,
        street: organization.street,
        ...(organization.statusReason !== null && { statusReason: organization.statusReason }),
        statusChangedAt: organization.statusChangedAt?.toISOString() ?? null,
        contactName: organization.contactName,
        contactPhoneMasked: phone === null ? null : (0, shared_1.maskPhone)(phone),
        payoutBankName: organization.payoutBankName,
        payoutAccountName: organization.payoutAccountName,
        payoutAccountMasked: account === null ? null : (0, shared_1.maskBankCard)(account),
        createdAt: organization.createdAt.toISOString(),
    };
}
//# sourceMappingURL=organization-view.js.map