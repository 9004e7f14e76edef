/**
 * The resident area's pages: one chunk, loaded when the first resident page opens (router.tsx). The layout
 * (header, tab bar) is in the main bundle and shows at once.
 */
export { HomePage } from '../routes/home';
export { ProgramsPage } from '../routes/programs';
export { ProgramDetailPage } from '../routes/program-detail';
export { ProgramCheckPage } from '../routes/program-check';
export { PublicLotteryPage } from '../routes/lottery';
export { ResidentSignInPage } from '../routes/sign-in';
export { ProfilePage } from '../routes/profile';
export {
  ApplicationDetailPage,
  ApplyPage,
  EditApplicationPage,
  MyApplicationsPage,
  NotificationsPage,
} from '../routes/applications';
export { VouchersPage } from '../routes/vouchers';
export { NotFoundPage } from '../routes/not-found';
export { DealerRegisterPage } from '../routes/dealer';
