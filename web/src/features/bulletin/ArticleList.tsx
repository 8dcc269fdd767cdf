// The bulletin's articles for its editors: drafts, scheduled and published ones, searched
// without diacritics, filtered by status in the address; each opens in the editor.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { pagedTable, SearchBox, useUrlState } from '../../shared/lists';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import type { Article } from '../../shared/types';

// Solid colours dark enough for white text (WCAG AA), as the projects' statuses.
export const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  scheduled: '#ad4e00',
  published: '#237804',
};

export function ArticleList() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const { state, set } = useUrlState({
    status: undefined as string | undefined,
    q: undefined as string | undefined,
    page: 1,
  });
  const { status, q, page } = state;
  const data = useQuery({
    queryKey: ['articles', status, q, page],
    queryFn: () => api.articles({ status, q, page, page_size: 20 }),
    placeholderData: keepPreviousData,
    enabled: can('edit_bulletin'),
  });
  if (!can('edit_bulletin')) return <NoAccess title={t('nav.bulletin')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading
        title={t('nav.bulletin')}
        actions={
          <Button type="primary" onClick={() => navigate('/bulletin/new')}>
            {t('article.new')}
          </Button>
        }
      />
      <Space wrap>
        <Select
          allowClear
          aria-label={t('article.status')}
          placeholder={t('article.allStatuses')}
          style={{ width: 200 }}
          value={status}
          onChange={(v) => set({ status: v, page: 1 })}
          options={['draft', 'scheduled', 'published'].map((s) => ({
            value: s,
            label: t(`article.status.${s}`),
          }))}
        />
        <SearchBox value={q} onSearch={(q) => set({ q, page: 1 })} />
      </Space>
      <ResponsiveTable<Article>
        {...pagedTable(data, page, set)}
        columns={[
          {
            title: t('article.title'),
            dataIndex: 'title',
            render: (title: string, a) => <Link to={`/bulletin/${a.id}`}>{title}</Link>,
          },
          {
            title: t('article.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`article.status.${s}`)}</Tag>,
          },
          {
            title: t('article.publishAt'),
            dataIndex: 'publish_at',
            render: (at: string | null) => (at ? formatDateTime(at) : '—'),
          },
          { title: t('article.updated'), dataIndex: 'updated_at', render: formatDateTime },
          {
            title: '',
            key: 'public',
            render: (_: unknown, a) =>
              a.status === 'published' ? (
                <a href={a.public_url} target="_blank" rel="noreferrer">
                  {t('article.public')}
                </a>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
