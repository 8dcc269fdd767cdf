import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import 'antd/dist/antd.css';
import { App, prefetchPage } from './App';
import { FailureMessages } from './shared/problems';
import './shared/app.css';
import { I18nProvider, useI18n } from './shared/i18n';
import { SessionProvider, startSession, wasSignedIn } from './shared/session';

dayjs.locale('vi');
// The app's addresses start with /app (the server serves it there).
const BASE = '/app';
// Ant Design's default blue and grey texts fall short of WCAG AA contrast (4.5:1) on white;
// these are the darker shades of the same palette. Hover darkens rather than lightens, so that a
// button or link under the pointer keeps its contrast.
const THEME = {
  zeroRuntime: true,
  token: {
    colorPrimary: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
};
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
startSession(queryClient);
if (wasSignedIn())
  prefetchPage(window.location.pathname.replace(new RegExp(`^${BASE}(?=/|$)`), ''), queryClient);

function Localized() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={THEME}>
      <AntApp>
        <FailureMessages />
        <App />
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionProvider>
          <BrowserRouter basename={BASE}>
            <Localized />
          </BrowserRouter>
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
