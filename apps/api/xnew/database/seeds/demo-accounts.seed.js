"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.seedDemoAccounts = seedDemoAccounts;
const password_service_1 = require("../../auth/password.service");
const organization_view_1 = require("../../dealers/organization-view");
const organization_entity_1 = require("../../users/organization.entity");
const user_entity_1 = require("../../users/user.entity");
const DEMO_ORGANIZATIONS = [
    {
        key: 'appliance',
        name: '章丘示例家电商城',
        uscc: '91370114MA3C5T8X1Q',
        // It also takes in old appliances (回收), so the demo shows a recycler's receipts.
        kinds: ['retailer', 'recycler'],
        programs: ['appliance-2026', 'digital-2026'],
        payout: { bankName: '中国工商银行章丘支行', accountNo: '1602001109200012345' },
    },
    {
        key: 'car',
        name: '章丘示例汽车销售服务有限公司',
        uscc: '91370114MA3D2HQ704',
        kinds: ['car_dealer', 'dismantler'],
        programs: ['car-scrap-2026', 'car-replace-2026'],
        payout: { bankName: '中国建设银行章丘支行', accountNo: '37050161680100006789' },
    },
];
const DEMO_USERS = [
    { username: 'reviewer1', role: 'reviewer', displayName: '审核员一' },
    { username: 'approver1', role: 'approver', displayName: '复核员一' },
    { username: 'finance1', role: 'finance', displayName: '财务一' },
    // A second finance user: a payment batch is released by someone other than its builder.
    { username: 'finance2', role: 'finance', displayName: '财务二' },
    { username: 'admin1', role: 'admin', displayName: '系统管理员一' },
    // A second administrator: reviewer and approver accounts need two (README, 三员).
    { username: 'admin2', role: 'admin', displayName: '系统管理员二' },
    // The security administrator (三员): role changes, TOTP resets, unlocks.
    { username: 'secadmin1', role: 'security_admin', displayName: '安全管理员一' },
    { username: 'auditor1', role: 'auditor', displayName: '审计员一' },
    { username: 'dealer1', role: 'dealer', displayName: '家电商城经办人', organization: 'appliance' },
    { username: 'dealer2', role: 'dealer', displayName: '汽车销售经办人', organization: 'car' },
];
/**
 * Demo staff and dealer accounts of the contract, for development and tests only: prepareDatabase
 * never calls this in production (which starts with no accounts; see `create-admin`). Existing
 * accounts are left as they are; a demo organisation seeded before it had a payout account gets
 * one, so its point-of-sale claims can be paid in a batch.
 */
async function seedDemoAccounts(dataSource, password, cipher) {
    for (const org of DEMO_ORGANIZATIONS) {
        await dataSource.query(`UPDATE organization SET payout_bank_name = $2, payout_account_name = name, payout_account_enc = $3
        WHERE uscc = $1 AND payout_account_enc IS NULL`, [
            org.uscc,
            org.payout.bankName,
            cipher.encrypt(org.payout.accountNo, organization_view_1.ORGANIZATION_FIELDS.payoutAccount),
        ]);
    }
    const existing = new Set((await dataSource.getRepository(user_entity_1.UserEntity).find({ select: { username: true } })).map((u) => u.username));
    const missing = DEMO_USERS.filter((user) => !existing.has(user.username));
    if (missing.length === 0)
        return [];
    const passwordHash = await (0, password_service_1.hashPassword)(password);
    return dataSource.transaction(async (manager) => {
        const organizationIds = new Map();
        for (const org of DEMO_ORGANIZATIONS) {
            await manager
                .createQueryBuilder()
                .insert()
                .into(organization_entity_1.OrganizationEntity)
                .values({
                name: org.name,
                uscc: org.uscc,
                kinds: org.kinds,
                programs: org.programs,
                status: 'active',
                statusReason: 'demo organisation',
                payoutBankName: org.payout.bankName,
                payoutAccountName: org.name,
                payoutAccountEnc: cipher.encrypt(org.payout.accountNo, organization_view_1.ORGANIZATION_FIELDS.payoutAccount),
            })
                .orIgnore()
                .execute();
            organizationIds.set(org.key, (await manager.findOneByOrFail(organization_entity_1.OrganizationEntity, { uscc: org.uscc })).id);
        }
        for (const user of missing) {
            await manager
                .createQueryBuilder()
                .insert()
                .into(user_entity_1.UserEntity)
                .values({
                role: user.role,
                username: user.username,
                displayName: user.displayName,
                passwordHash,
                organizationId: user.organization ? organizationIds.get(user.organization) : null,
                // The demo dealers administer their organisation (they may add its staff accounts).
                orgAdmin: user.role === 'dealer',
            })
                .orIgnore()
                .execute();
        }
        return missing.map((user) => user.username);
    });
}
//# sourceMappingURL=demo-accounts.seed.js.map