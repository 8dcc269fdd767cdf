// An organization or a facility: its fields in words, its history, and Edit for those who may
// write.
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Skeleton, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../shared/i18n';
import { LoadFailed, PageHeading, useCan } from '../../shared/page';
import { SHOWN_HERE } from '../../shared/problems';
import { useProvinceName } from '../../shared/places';
import type { Facility } from '../../shared/types';
import { SupportHistory } from '../execution/SupportHistory';
import { PlaceHistory } from './PlaceHistory';
import { PLACES, type PlaceKind } from './places';

export function PlaceDetail({ kind }: { kind: PlaceKind }) {
  const { id } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const provinceName = useProvinceName();
  const spec = PLACES[kind];
  const place = useQuery({
    meta: SHOWN_HERE,
    queryKey: [kind, 'one', id],
    queryFn: () => spec.get(Number(id)),
  });
  if (place.isError) return <LoadFailed error={place.error} retry={() => void place.refetch()} />;
  const p = place.data;
  if (!p) return <Skeleton active paragraph={{ rows: 6 }} />;
  const f = p as Partial<Facility>;
  const yes = (v?: boolean) => (v ? t('yes') : t('no'));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading
        title={p.name}
        actions={
          can('write_places') && (
            <Link to={`/${kind}/${p.id}/edit`}>
              <Button type="primary">{t('edit')}</Button>
            </Link>
          )
        }
      />
      <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('kind')}>{t(`${spec.kindWord}.${p.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('province')}>{provinceName(p.province)}</Descriptions.Item>
        <Descriptions.Item label={t('address')}>{p.address || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('taxCode')}>{p.tax_code || '—'}</Descriptions.Item>
        {kind === 'facilities' && (
          <>
            <Descriptions.Item label={t('commune')}>{f.commune || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('industry')}>{f.industry || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('employees')}>{f.employees ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('craftVillage')}>{yes(f.craft_village)}</Descriptions.Item>
            <Descriptions.Item label={t('womenOwned')}>{yes(f.women_owned)}</Descriptions.Item>
            <Descriptions.Item label={t('ethnicWorkers')}>
              {yes(f.ethnic_minority_workers)}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {kind === 'facilities' && <SupportHistory facilityId={p.id} />}
      <PlaceHistory kind={kind} id={p.id} />
    </Space>
  );
}
