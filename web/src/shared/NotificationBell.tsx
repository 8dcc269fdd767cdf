// The header's bell: the unread count, refreshed every minute, leading to the notifications page.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from './api';
import { useI18n } from './i18n';

export function NotificationBell() {
  const { t } = useI18n();
  const unread = useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => api.notifications(true),
    refetchInterval: 60_000,
  });
  const n = unread.data?.unread ?? 0;
  return (
    <Link to="/notifications" className="bell-link" title={t('notify.bell', { n })}>
      {t('notify.title')}
      {n > 0 && (
        <>
          {' '}
          <span className="bell-count" data-testid="unread-count">
            {n > 99 ? '99+' : n}
          </span>
        </>
      )}
    </Link>
  );
}
