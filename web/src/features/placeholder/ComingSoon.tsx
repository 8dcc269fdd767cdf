import { Result } from 'antd';
import { useI18n } from '../../shared/i18n';

export function ComingSoon({ area }: { area: string }) {
  const { t } = useI18n();
  return <Result status="info" title={t(area)} subTitle={t('comingSoon')} />;
}
