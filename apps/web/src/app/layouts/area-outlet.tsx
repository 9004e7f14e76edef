import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { LoadingState } from '@/components/ui/query-state';

/**
 * The page slot of an area layout. Pages load lazily (one chunk per area, see router.tsx): while the
 * chunk arrives the layout stays and the slot says it is loading.
 */
export function AreaOutlet() {
  return (
    <Suspense fallback={<LoadingState />}>
      <Outlet />
    </Suspense>
  );
}
