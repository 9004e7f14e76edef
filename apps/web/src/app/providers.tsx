import { type ReactNode, useState } from 'react';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createI18n } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';
import { theme } from './theme';

/** Ant Design's own texts (pagination, date pickers, empty states) follow the i18next language. */
function AntdLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      <AntdApp component={false}>{children}</AntdApp>
    </ConfigProvider>
  );
}

export function AppProviders({
  children,
  i18n: givenI18n,
  queryClient: givenQueryClient,
}: {
  children: ReactNode;
  i18n?: I18n;
  queryClient?: QueryClient;
}) {
  const [i18n] = useState(() => givenI18n ?? createI18n());
  const [queryClient] = useState(() => givenQueryClient ?? createQueryClient());
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <AntdLocale>{children}</AntdLocale>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
