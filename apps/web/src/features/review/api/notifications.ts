/**
 * The review staff's in-app notifications (`GET /api/review/notifications`, newest first, the last 100;
 * today the daily SLA digest written for approvers). Under `me` so sign-out drops them.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StaffNotification } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export const staffNotificationsKey = ['me', 'review', 'notifications'] as const;

/** How often the header asks for new notices while a console page is open. */
const POLL_MS = 60_000;

export function useStaffNotifications() {
  return useQuery({
    queryKey: staffNotificationsKey,
    queryFn: ({ signal }) => api.get<StaffNotification[]>('/api/review/notifications', { signal }),
    refetchInterval: POLL_MS,
  });
}

export function useMarkStaffNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/review/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: (_r, id) =>
      queryClient.setQueryData(staffNotificationsKey, (old: StaffNotification[] | undefined) =>
        old?.map((n) => (n.id === id ? { ...n, read: true } : n)),
      ),
  });
}
