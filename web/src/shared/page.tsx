// What every page shares: one h1 that names it, the browser tab's title ("Đề án · Khuyến
// Công"), and focus moved to the heading after a navigation (so that a keyboard or screen
// reader user lands on the new page, not in the menu). Also the permission check the UI
// asks before it shows an action: the same policy the server applies, from the session.
import { Result, Button, Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from './i18n';
import { unanswered, useProblemText } from './problems';
import { useSession } from './session';
import { usePageTitle } from './title';
import type { Session } from './types';

export type Permission = Session['permissions'][number];

/** Whether the logged-in user may do this (from the server's policy, via the session). */
export function useCan(): (p: Permission) => boolean {
  const { session } = useSession();
  return (p) => session?.permissions.includes(p) ?? false;
}

/** The page's heading (h1) with its actions on the right; focused when the page opens. */
export function PageHeading({ title, actions }: { title: string; actions?: ReactNode }) {
  usePageTitle(title);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="page-heading">
      <Typography.Title level={1} ref={ref} tabIndex={-1} className="page-title">
        {title}
      </Typography.Title>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}

/** A page the role may not use: says so, instead of an empty table under its actions. */
export function NoAccess({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={title} />
      <Result status="403" subTitle={t('noAccess')} />
    </>
  );
}

/**
 * A record's page whose read failed: "not found" when the server says the record is not there
 * (or not for this user); otherwise — the line down, the server busy or failing — what went
 * wrong, and a button to try again, instead of a "not found" that is not true.
 */
export function LoadFailed({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useI18n();
  const problemText = useProblemText();
  if (!unanswered(error)) return <NotFound />;
  return (
    <Result
      status="warning"
      title={<h1 className="page-title">{t('loadFailed.title')}</h1>}
      subTitle={problemText(error)}
      extra={
        <Button type="primary" onClick={retry}>
          {t('loadFailed.retry')}
        </Button>
      }
    />
  );
}

export function NotFound() {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <Result
      status="404"
      title={<h1 className="page-title">{t('notFound.title')}</h1>}
      subTitle={t('notFound.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.home')}</Button>
        </Link>
      }
    />
  );
}
