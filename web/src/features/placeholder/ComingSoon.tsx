import { Result } from 'antd';
import { useI18n } from '../../shared/i18n';
import { PageHeading } from '../../shared/page';

export function ComingSoon({ area }: { area: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t(area)} />
      <Result status="info" subTitle={t('comingSoon')} />
    </>
  );
}
