// The only place that reads build-time configuration (import.meta.env). Everything else imports `env`.
// The portal and the API share one origin in production, so the API base defaults to '' (same origin).

function readApiBase(raw: unknown): string {
  if (raw === undefined || raw === '') return '';
  if (typeof raw !== 'string' || !/^(https?:\/\/[^\s]+|\/[^\s]*)$/.test(raw)) {
    throw new Error('VITE_API_BASE_URL must be an absolute http(s) URL or a path starting with "/"');
  }
  return raw.replace(/\/+$/, '');
}

export const env = {
  /** Prefix for API calls; '' means same origin ("/api/..."). */
  apiBaseUrl: readApiBase(import.meta.env.VITE_API_BASE_URL),
  /** Time zone every date in the portal is expressed in (policy windows are Asia/Shanghai calendar dates). */
  timeZone: 'Asia/Shanghai',
  isDev: import.meta.env.DEV,
} as const;
