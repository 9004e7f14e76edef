/** The staff console's pages: one chunk, loaded when the first console page opens (router.tsx). */
export { ConsoleHome, ConsoleNotYetAvailable } from '../routes/console';
export { StaffSignInPage } from '../routes/sign-in';
export { NotFoundPage } from '../routes/not-found';
export { ReviewCasePage, ReviewQueuePage, SamplingPage, SecondApprovalPage } from '../routes/review';
export { PaymentsPage } from '../routes/payments';
export {
  DealerCertificatesPage,
  DealerConsolePage,
  DealerImportPage,
  DealerNewSalePage,
  DealerReceiptsPage,
  DealerRedeemPage,
  DealerSalesPage,
  OrganizationsReviewPage,
} from '../routes/dealer';
export { DealerLedgerPage } from '../routes/dealer-ledger';
export { FundingPage } from '../routes/funding';
export { UsersPage } from '../routes/users';
