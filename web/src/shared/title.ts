// The browser tab's title of a page: "Đề án · Khuyến Công".
import { useEffect } from 'react';
import { useI18n } from './i18n';

export function usePageTitle(title: string) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = title ? `${title} · ${t('app')}` : t('app');
  }, [title, t]);
}
