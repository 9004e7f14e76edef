import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api-client';

/** One dependency's state as the API reports it: a word ("up"/"down") or an object with a status. */
export type HealthCheckValue = string | { status: string; [detail: string]: unknown };

/** `GET /api/health`: 200 when all is well, 503 (same shape) when a dependency is down. */
export interface Health {
  status: string;
  checks: Record<string, HealthCheckValue>;
}

export const healthQueryKey = ['health'] as const;

function isHealth(value: unknown): value is Health {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { status?: unknown }).status === 'string' &&
    typeof (value as { checks?: unknown }).checks === 'object' &&
    (value as { checks?: unknown }).checks !== null
  );
}

/** Fetch the system status. A 503 that carries the health body is a result (degraded), not an error. */
export async function getHealth({ signal }: { signal?: AbortSignal } = {}): Promise<Health> {
  try {
    return await api.get<Health>('/api/health', signal ? { signal } : {});
  } catch (error) {
    if (isApiError(error) && error.status === 503 && isHealth(error.body)) return error.body;
    throw error;
  }
}

export function checkState(value: HealthCheckValue): string {
  return typeof value === 'string' ? value : value.status;
}

export function isHealthy(health: Health): boolean {
  return health.status === 'ok';
}

export function useHealth() {
  return useQuery({ queryKey: healthQueryKey, queryFn: ({ signal }) => getHealth({ signal }) });
}
