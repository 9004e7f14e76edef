import { Navigate, Outlet, createBrowserRouter, type RouteObject } from 'react-router';
import { Permission } from '@huanxin/shared';
import { RequireSession } from '@/features/auth/components/require-session';
import { SessionProvider } from '@/features/auth/hooks/use-session';
import { ResidentLayout } from './layouts/resident-layout';
import { ConsoleLayout } from './layouts/console-layout';
import { consoleSections } from './console-sections';
import { HomePage } from './routes/home';
import { ProgramsPage } from './routes/programs';
import { ProgramDetailPage } from './routes/program-detail';
import { ProgramCheckPage } from './routes/program-check';
import { ConsoleHome, ConsoleNotYetAvailable } from './routes/console';
import { ResidentSignInPage, StaffSignInPage } from './routes/sign-in';
import { ProfilePage } from './routes/profile';
import {
  ApplicationDetailPage,
  ApplyPage,
  EditApplicationPage,
  MyApplicationsPage,
  NotificationsPage,
} from './routes/applications';
import { NotFoundPage } from './routes/not-found';

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
          { path: 'login', element: <ResidentSignInPage /> },
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
          // The old address of the list (before the list existed).
          { path: 'me/applications', element: <Navigate to="/applications" replace /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      {
        path: '/console',
        element: <ConsoleLayout />,
        children: [
          { path: 'login', element: <StaffSignInPage /> },
          { index: true, element: <ConsoleHome /> },
          ...consoleSections
            .filter((s) => s.section !== 'dashboard')
            .map((s) => ({
              path: s.path.replace('/console/', ''),
              element: (
                <RequireSession area="console" {...(s.permission ? { permission: s.permission } : {})} />
              ),
              children: [{ index: true, element: <ConsoleNotYetAvailable section={s.section} /> }],
            })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
