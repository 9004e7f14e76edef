import { lazy, type ComponentType } from 'react';
import { Navigate, Outlet, createBrowserRouter, type RouteObject } from 'react-router';
import { Permission } from '@huanxin/shared';
import { RequireSession } from '@/features/auth/components/require-session';
import { SessionProvider } from '@/features/auth/hooks/use-session';
import { ResidentLayout } from './layouts/resident-layout';
import { ConsoleLayout } from './layouts/console-layout';
import { BUILT_SECTIONS, consoleSections } from './console-sections';

/** A page component from a lazily loaded area module (React.lazy wants a default export). */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

// One chunk per area: a resident never downloads the console, staff never the resident pages.
const resident = () => import('./areas/resident');
const staff = () => import('./areas/console');

const HomePage = lazyPage(() => resident().then((m) => m.HomePage));
const ProgramsPage = lazyPage(() => resident().then((m) => m.ProgramsPage));
const ProgramDetailPage = lazyPage(() => resident().then((m) => m.ProgramDetailPage));
const ProgramCheckPage = lazyPage(() => resident().then((m) => m.ProgramCheckPage));
const PublicLotteryPage = lazyPage(() => resident().then((m) => m.PublicLotteryPage));
// Its own chunk (with ECharts): the other resident pages never load the charting library.
const StatsPage = lazyPage(() => import('./routes/stats').then((m) => m.StatsPage));
const ResidentSignInPage = lazyPage(() => resident().then((m) => m.ResidentSignInPage));
const ProfilePage = lazyPage(() => resident().then((m) => m.ProfilePage));
const MyApplicationsPage = lazyPage(() => resident().then((m) => m.MyApplicationsPage));
const ApplicationDetailPage = lazyPage(() => resident().then((m) => m.ApplicationDetailPage));
const EditApplicationPage = lazyPage(() => resident().then((m) => m.EditApplicationPage));
const ApplyPage = lazyPage(() => resident().then((m) => m.ApplyPage));
const NotificationsPage = lazyPage(() => resident().then((m) => m.NotificationsPage));
const VouchersPage = lazyPage(() => resident().then((m) => m.VouchersPage));
const ResidentNotFoundPage = lazyPage(() => resident().then((m) => m.NotFoundPage));
const DealerRegisterPage = lazyPage(() => resident().then((m) => m.DealerRegisterPage));

const ConsoleHome = lazyPage(() => staff().then((m) => m.ConsoleHome));
const ConsoleNotYetAvailable = lazyPage(() => staff().then((m) => m.ConsoleNotYetAvailable));
const StaffSignInPage = lazyPage(() => staff().then((m) => m.StaffSignInPage));
const ConsoleNotFoundPage = lazyPage(() => staff().then((m) => m.NotFoundPage));
const ReviewQueuePage = lazyPage(() => staff().then((m) => m.ReviewQueuePage));
const ReviewCasePage = lazyPage(() => staff().then((m) => m.ReviewCasePage));
const SecondApprovalPage = lazyPage(() => staff().then((m) => m.SecondApprovalPage));
const SamplingPage = lazyPage(() => staff().then((m) => m.SamplingPage));
const PaymentsPage = lazyPage(() => staff().then((m) => m.PaymentsPage));
const FundingPage = lazyPage(() => staff().then((m) => m.FundingPage));
const DealerConsolePage = lazyPage(() => staff().then((m) => m.DealerConsolePage));
const DealerLedgerPage = lazyPage(() => staff().then((m) => m.DealerLedgerPage));
const DealerNewSalePage = lazyPage(() => staff().then((m) => m.DealerNewSalePage));
const DealerRedeemPage = lazyPage(() => staff().then((m) => m.DealerRedeemPage));
const DealerSalesPage = lazyPage(() => staff().then((m) => m.DealerSalesPage));
const DealerImportPage = lazyPage(() => staff().then((m) => m.DealerImportPage));
const DealerCertificatesPage = lazyPage(() => staff().then((m) => m.DealerCertificatesPage));
const DealerReceiptsPage = lazyPage(() => staff().then((m) => m.DealerReceiptsPage));
const OrganizationsReviewPage = lazyPage(() => staff().then((m) => m.OrganizationsReviewPage));
// Its own chunk (with the schema forms): only administrators open it.
const programEditor = () => import('./routes/program-editor');
const ProgramsAdminPage = lazyPage(() => programEditor().then((m) => m.ProgramsAdminPage));
const ProgramVersionsPage = lazyPage(() => programEditor().then((m) => m.ProgramVersionsPage));
const NewDraftPage = lazyPage(() => programEditor().then((m) => m.NewDraftPage));
const VersionPage = lazyPage(() => programEditor().then((m) => m.VersionPage));
const UsersPage = lazyPage(() => staff().then((m) => m.UsersPage));
// Its own chunk: only auditors open it.
const AuditPage = lazyPage(() => import('./routes/audit').then((m) => m.AuditPage));

/** Inside the router, so the session can send the browser to a sign-in page when the server ends it. */
function SessionRoot() {
  return (
    <SessionProvider>
      <Outlet />
    </SessionProvider>
  );
}

export const routes: RouteObject[] = [
  {
    element: <SessionRoot />,
    children: [
      {
        path: '/',
        element: <ResidentLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'programs', element: <ProgramsPage /> },
          { path: 'programs/:code', element: <ProgramDetailPage /> },
          { path: 'programs/:code/check', element: <ProgramCheckPage /> },
          { path: 'programs/:code/lottery', element: <PublicLotteryPage /> },
          { path: 'stats', element: <StatsPage /> },
          { path: 'login', element: <ResidentSignInPage /> },
          { path: 'dealer/register', element: <DealerRegisterPage /> },
          {
            path: 'me/profile',
            element: <RequireSession area="resident" permission={Permission.ProfileReadOwn} />,
            children: [{ index: true, element: <ProfilePage /> }],
          },
          {
            element: <RequireSession area="resident" permission={Permission.ApplicationsOwn} />,
            children: [
              { path: 'applications', element: <MyApplicationsPage /> },
              { path: 'applications/:id', element: <ApplicationDetailPage /> },
              { path: 'applications/:id/edit', element: <EditApplicationPage /> },
              { path: 'programs/:code/apply', element: <ApplyPage /> },
              { path: 'notifications', element: <NotificationsPage /> },
            ],
          },
          {
            element: <RequireSession area="resident" permission={Permission.VouchersOwn} />,
            children: [{ path: 'vouchers', element: <VouchersPage /> }],
          },
          // The old address of the list (before the list existed).
          { path: 'me/applications', element: <Navigate to="/applications" replace /> },
          { path: '*', element: <ResidentNotFoundPage /> },
        ],
      },
      {
        path: '/console',
        element: <ConsoleLayout />,
        children: [
          { path: 'login', element: <StaffSignInPage /> },
          { index: true, element: <ConsoleHome /> },
          {
            path: 'review',
            element: <RequireSession area="console" permission={Permission.ReviewRead} />,
            children: [
              { index: true, element: <ReviewQueuePage /> },
              { path: ':id', element: <ReviewCasePage /> },
            ],
          },
          {
            path: 'approvals',
            element: <RequireSession area="console" permission={Permission.ReviewApproveHighValue} />,
            children: [{ index: true, element: <SecondApprovalPage /> }],
          },
          {
            path: 'sampling',
            element: <RequireSession area="console" permission={Permission.ReviewSample} />,
            children: [{ index: true, element: <SamplingPage /> }],
          },
          {
            path: 'payments',
            element: <RequireSession area="console" permission={Permission.PaymentsManage} />,
            children: [{ index: true, element: <PaymentsPage /> }],
          },
          {
            path: 'funding',
            element: <RequireSession area="console" permission={Permission.BudgetTranches} />,
            children: [{ index: true, element: <FundingPage /> }],
          },
          {
            path: 'dealer',
            element: <RequireSession area="console" permission={Permission.DealerOwn} />,
            children: [
              { index: true, element: <DealerConsolePage /> },
              { path: 'ledger', element: <DealerLedgerPage /> },
              { path: 'sales', element: <DealerSalesPage /> },
              { path: 'sales/new', element: <DealerNewSalePage /> },
              { path: 'redeem', element: <DealerRedeemPage /> },
              { path: 'import', element: <DealerImportPage /> },
              { path: 'certificates', element: <DealerCertificatesPage /> },
              { path: 'receipts', element: <DealerReceiptsPage /> },
            ],
          },
          {
            path: 'organizations',
            element: <RequireSession area="console" permission={Permission.OrganizationsReview} />,
            children: [{ index: true, element: <OrganizationsReviewPage /> }],
          },
          {
            path: 'programs',
            element: <RequireSession area="console" permission={Permission.ProgramsManage} />,
            children: [
              { index: true, element: <ProgramsAdminPage /> },
              { path: ':code', element: <ProgramVersionsPage /> },
              { path: ':code/new', element: <NewDraftPage /> },
              { path: ':code/versions/:version', element: <VersionPage /> },
            ],
          },
          {
            // Both administrators (三员): the actions offered follow users.manage / users.security.
            path: 'users',
            element: <RequireSession area="console" permission={Permission.UsersAccounts} />,
            children: [{ index: true, element: <UsersPage /> }],
          },
          {
            path: 'audit',
            element: <RequireSession area="console" permission={Permission.AuditRead} />,
            children: [{ index: true, element: <AuditPage /> }],
          },
          ...consoleSections
            .filter((s) => s.section !== 'dashboard' && !BUILT_SECTIONS.has(s.section))
            .map((s) => ({
              path: s.path.replace('/console/', ''),
              element: (
                <RequireSession area="console" {...(s.permission ? { permission: s.permission } : {})} />
              ),
              children: [{ index: true, element: <ConsoleNotYetAvailable section={s.section} /> }],
            })),
          { path: '*', element: <ConsoleNotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
