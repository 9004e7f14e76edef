// Every migration, in order. Generate with `npm run migration:generate -w @huanxin/api -- <Name>`
// (after `npm run build`), review, add here; never edit one once it has landed.
import { Init1795889895000 } from './1795889895000-Init';
import { Identity1795890316888 } from './1795890316888-Identity';
import { Applications1795892501260 } from './1795892501260-Applications';
import { SubmitDevice1795895651066 } from './1795895651066-SubmitDevice';
import { PersonHistory1795896000001 } from './1795896000001-PersonHistory';
import { AccountActivation1795900000003 } from './1795900000003-AccountActivation';
import { AuditSequencer1795910000008 } from './1795910000008-AuditSequencer';
import { HotIndexes1796124780010 } from './1796124780010-HotIndexes';
import { EventOrder1796126007124 } from './1796126007124-EventOrder';
import { ReviewColumns1796130374976 } from './1796130374976-ReviewColumns';
import { ReviewWorkbench1796130801912 } from './1796130801912-ReviewWorkbench';
import { ReviewSignals1796131086012 } from './1796131086012-ReviewSignals';
import { TranchesPauses1796140687883 } from './1796140687883-TranchesPauses';
import { Payments1796140751968 } from './1796140751968-Payments';
import { Dealers1796141920468 } from './1796141920468-Dealers';
import { DealerSales1796150000001 } from './1796150000001-DealerSales';
import { DealerCertificates1796150000002 } from './1796150000002-DealerCertificates';
import { DealerPayee1796150000003 } from './1796150000003-DealerPayee';
import { Vouchers1796150000004 } from './1796150000004-Vouchers';
import { AuditObjectIndex1796150000010 } from './1796150000010-AuditObjectIndex';
import { VoucherRedemption1796160000001 } from './1796160000001-VoucherRedemption';
import { Returns1796160000010 } from './1796160000010-Returns';
import { ProgramVersions1796160000020 } from './1796160000020-ProgramVersions';
import { ApplicationReprice1796160000025 } from './1796160000025-ApplicationReprice';
import { SecurityAdminRole1796160000030 } from './1796160000030-SecurityAdminRole';
import { AuditChainBatch1796160000040 } from './1796160000040-AuditChainBatch';

export const MIGRATIONS = [
  Init1795889895000,
  Identity1795890316888,
  Applications1795892501260,
  SubmitDevice1795895651066,
  PersonHistory1795896000001,
  AccountActivation1795900000003,
  AuditSequencer1795910000008,
  HotIndexes1796124780010,
  EventOrder1796126007124,
  ReviewColumns1796130374976,
  ReviewWorkbench1796130801912,
  ReviewSignals1796131086012,
  TranchesPauses1796140687883,
  Payments1796140751968,
  Dealers1796141920468,
  DealerSales1796150000001,
  DealerCertificates1796150000002,
  DealerPayee1796150000003,
  Vouchers1796150000004,
  AuditObjectIndex1796150000010,
  VoucherRedemption1796160000001,
  Returns1796160000010,
  ProgramVersions1796160000020,
  ApplicationReprice1796160000025,
  SecurityAdminRole1796160000030,
  AuditChainBatch1796160000040,
];
