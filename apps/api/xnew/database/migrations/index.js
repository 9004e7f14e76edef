"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIGRATIONS = void 0;
// Every migration, in order. Generate with `npm run migration:generate -w @huanxin/api -- <Name>`
// (after `npm run build`), review, add here; never edit one once it has landed.
const _1795889895000_Init_1 = require("./1795889895000-Init");
const _1795890316888_Identity_1 = require("./1795890316888-Identity");
const _1795892501260_Applications_1 = require("./1795892501260-Applications");
const _1795895651066_SubmitDevice_1 = require("./1795895651066-SubmitDevice");
const _1795896000001_PersonHistory_1 = require("./1795896000001-PersonHistory");
const _1795900000003_AccountActivation_1 = require("./1795900000003-AccountActivation");
const _1795910000008_AuditSequencer_1 = require("./1795910000008-AuditSequencer");
const _1796124780010_HotIndexes_1 = require("./1796124780010-HotIndexes");
const _1796126007124_EventOrder_1 = require("./1796126007124-EventOrder");
const _1796130374976_ReviewColumns_1 = require("./1796130374976-ReviewColumns");
const _1796130801912_ReviewWorkbench_1 = require("./1796130801912-ReviewWorkbench");
const _1796131086012_ReviewSignals_1 = require("./1796131086012-ReviewSignals");
const _1796140687883_TranchesPauses_1 = require("./1796140687883-TranchesPauses");
const _1796140751968_Payments_1 = require("./1796140751968-Payments");
const _1796141920468_Dealers_1 = require("./1796141920468-Dealers");
const _1796150000001_DealerSales_1 = require("./1796150000001-DealerSales");
const _1796150000002_DealerCertificates_1 = require("./1796150000002-DealerCertificates");
const _1796150000003_DealerPayee_1 = require("./1796150000003-DealerPayee");
const _1796150000004_Vouchers_1 = require("./1796150000004-Vouchers");
const _1796150000010_AuditObjectIndex_1 = require("./1796150000010-AuditObjectIndex");
const _1796160000001_VoucherRedemption_1 = require("./1796160000001-VoucherRedemption");
const _1796160000010_Returns_1 = require("./1796160000010-Returns");
const _1796160000020_ProgramVersions_1 = require("./1796160000020-ProgramVersions");
const _1796160000025_ApplicationReprice_1 = require("./1796160000025-ApplicationReprice");
const _1796160000030_SecurityAdminRole_1 = require("./1796160000030-SecurityAdminRole");
exports.MIGRATIONS = [
    _1795889895000_Init_1.Init1795889895000,
    _1795890316888_Identity_1.Identity1795890316888,
    _1795892501260_Applications_1.Applications1795892501260,
    _1795895651066_SubmitDevice_1.SubmitDevice1795895651066,
    _1795896000001_PersonHistory_1.PersonHistory1795896000001,
    _1795900000003_AccountActivation_1.AccountActivation1795900000003,
    _1795910000008_AuditSequencer_1.AuditSequencer1795910000008,
    _1796124780010_HotIndexes_1.HotIndexes1796124780010,
    _1796126007124_EventOrder_1.EventOrder1796126007124,
    _1796130374976_ReviewColumns_1.ReviewColumns1796130374976,
    _1796130801912_ReviewWorkbench_1.ReviewWorkbench1796130801912,
    _1796131086012_ReviewSignals_1.ReviewSignals1796131086012,
    _1796140687883_TranchesPauses_1.TranchesPauses1796140687883,
    _1796140751968_Payments_1.Payments1796140751968,
    _1796141920468_Dealers_1.Dealers1796141920468,
    _1796150000001_DealerSales_1.DealerSales1796150000001,
    _1796150000002_DealerCertificates_1.DealerCertificates1796150000002,
    _1796150000003_DealerPayee_1.DealerPayee1796150000003,
    _1796150000004_Vouchers_1.Vouchers1796150000004,
    _1796150000010_AuditObjectIndex_1.AuditObjectIndex1796150000010,
    _1796160000001_VoucherRedemption_1.VoucherRedemption1796160000001,
    _1796160000010_Returns_1.Returns1796160000010,
    _1796160000020_ProgramVersions_1.ProgramVersions1796160000020,
    _1796160000025_ApplicationReprice_1.ApplicationReprice1796160000025,
    _1796160000030_SecurityAdminRole_1.SecurityAdminRole1796160000030,
];
//# sourceMappingURL=index.js.map