// Typical rural industrial products recognised: the year's products by level and area, with
// the facility, the certificate's validity and the certificate itself (PDF); filters in the
// address, search without diacritics.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { YearSelect } from '../../shared/filterSelects';
import { formatDate, formatNumber } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { SearchBox, useUrlState } from '../../shared/lists';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { useLabel, useReference, byCode } from '../../shared/reference';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import type { TypicalProduct } from '../../shared/types';

const LEVELS = ['commune', 'district', 'provincial', 'regional', 'national'];

export function ProductList() {
  const { t } = useI18n();
  const can = useCan();
  const label = useLabel();
  const areas = byCode(useReference('areas'));
  const provinces = byCode(useReference('provinces-2025'));
  const { state, set } = useUrlState({
    year: undefined as number | undefined,
    kind: undefined as string | undefined,
    q: undefined as string | undefined,
    page: 1,
  });
  const { year, kind, q, page } = state;
  const data = useQuery({
    queryKey: ['products', year, kind, q, page],
    queryFn: () => api.products({ year, kind, q, page, page_size: 20 }),
    placeholderData: keepPreviousData,
    enabled: can('read_places'),
  });
  if (!can('read_places')) return <NoAccess title={t('nav.products')} />;
  const levelWords = (p: TypicalProduct) =>
    p.level === 'regional' && p.area_code
      ? `${t('product.level.regional')} ${label(areas.get(p.area_code), p.area_code)}`
      : t(`product.level.${p.level}`);
  const byLevel = Object.entries(data.data?.by_level ?? {});
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t('nav.products')} />
      <Space wrap>
        <YearSelect value={year} onChange={(y) => set({ year: y, page: 1 })} />
        <Select
          aria-label={t('product.level')}
          placeholder={t('product.level')}
          allowClear
          style={{ width: 200 }}
          value={kind}
          onChange={(k?: string) => set({ kind: k, page: 1 })}
          options={LEVELS.map((l) => ({ value: l, label: t(`product.level.${l}`) }))}
        />
        <SearchBox value={q} onSearch={(q) => set({ q, page: 1 })} />
      </Space>
      <Typography.Text>
        {t('product.total', { n: formatNumber(data.data?.total ?? 0) })}
        {byLevel.length > 0 &&
          ` (${byLevel.map(([l, n]) => `${t(`product.level.${l}`)}: ${formatNumber(n)}`).join('; ')})`}
      </Typography.Text>
      <ResponsiveTable<TypicalProduct>
        rowKey="id"
        size="small"
        loading={data.isFetching}
        dataSource={data.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data.data?.total ?? 0 }}
        onChange={(p) => set({ page: p.current ?? 1 }, true)}
        columns={[
          { title: t('product.certificate'), dataIndex: 'certificate_no' },
          { title: t('product.name'), dataIndex: 'name' },
          {
            title: t('product.group'),
            dataIndex: 'group',
            render: (g: string) => t(`product.group.${g}`),
          },
          {
            title: t('product.facility'),
            dataIndex: 'facility_name',
            render: (n: string, p) => <Link to={`/facilities/${p.facility_id}`}>{n}</Link>,
          },
          {
            title: t('province'),
            dataIndex: 'province_2025',
            render: (c: string) => label(provinces.get(c), c),
          },
          { title: t('product.level'), key: 'level', render: (_: unknown, p) => levelWords(p) },
          {
            title: t('product.validUntil'),
            dataIndex: 'valid_until',
            render: (d: string, p) => (
              <Space size={4}>
                {formatDate(d)}
                <Tag color={p.valid ? '#135200' : '#595959'}>
                  {t(p.valid ? 'product.valid' : 'product.lapsed')}
                </Tag>
              </Space>
            ),
          },
          {
            title: t('product.certificateFile'),
            key: 'pdf',
            render: (_: unknown, p) => (
              <a
                href={api.certificateUrl(p.id)}
                aria-label={`PDF ${t('product.certificateFile')} ${p.certificate_no}`}
                style={{ textDecoration: 'underline' }}
              >
                PDF
              </a>
            ),
          },
        ]}
      />
    </Space>
  );
}
