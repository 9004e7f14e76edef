import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResidentNotification } from '@huanxin/shared';
import { api } from '@/lib/api-client';

export const notificationsQueryKey = ['me', 'notifications'] as const;

export function useNotifications({ refetchInterval }: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: notificationsQueryKey,
    queryFn: ({ signal }) => api.get<ResidentNotification[]>('/api/me/notifications', { signal }),
    ...(refetchInterval ? { refetchInterval } : {}),
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/me/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: (_r, id) =>
      queryClient.setQueryData(notificationsQueryKey, (old: ResidentNotification[] | undefined) =>
        old?.map((n) => (n.id === id ? { ...n, read: true } : n)),
      ),
  });
}
