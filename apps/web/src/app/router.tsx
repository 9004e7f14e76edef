import { createBrowserRouter, type RouteObject } from 'react-router';
import { ResidentLayout } from './layouts/resident-layout';
import { ConsoleLayout } from './layouts/console-layout';
import { HomePage } from './routes/home';
import { ProgramsPage } from './routes/programs';
import { ProgramDetailPage } from './routes/program-detail';
import { ProgramCheckPage } from './routes/program-check';
import { ConsoleSignInRequired } from './routes/console';
import { NotFoundPage } from './routes/not-found';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <ResidentLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'programs', element: <ProgramsPage /> },
      { path: 'programs/:code', element: <ProgramDetailPage /> },
      { path: 'programs/:code/check', element: <ProgramCheckPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/console',
    element: <ConsoleLayout />,
    children: [
      { index: true, element: <ConsoleSignInRequired section="dashboard" /> },
      { path: 'review', element: <ConsoleSignInRequired section="review" /> },
      { path: 'payments', element: <ConsoleSignInRequired section="payments" /> },
      { path: 'programs', element: <ConsoleSignInRequired section="programs" /> },
      { path: 'audit', element: <ConsoleSignInRequired section="audit" /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
