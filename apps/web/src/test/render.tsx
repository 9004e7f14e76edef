import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import type { i18n as I18n } from 'i18next';
import { AppProviders } from '@/app/providers';
import { createI18n, type Language } from '@/lib/i18n';

export interface TestApp extends RenderResult {
  i18n: I18n;
  queryClient: QueryClient;
  router: ReturnType<typeof createMemoryRouter>;
}

function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

/** Render routes (or one element at "/") inside the real providers, with a fresh i18n and query client. */
export function renderWithApp(
  ui: ReactElement | RouteObject[],
  { path = '/', language }: { path?: string; language?: Language } = {},
): TestApp {
  const i18n = createI18n(language);
  const queryClient = testQueryClient();
  const routes: RouteObject[] = Array.isArray(ui) ? ui : [{ path: '*', element: ui }];
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <AppProviders i18n={i18n} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, i18n, queryClient, router };
}

/** A fetch Response with a JSON body. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}
