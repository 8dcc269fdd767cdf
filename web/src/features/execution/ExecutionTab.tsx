// The project's execution tab: its contracts, each with its ledger, reports and acceptance.
import { useQuery } from '@tanstack/react-query';
import { Skeleton, Space, Typography } from 'antd';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { ProjectOutput } from '../../shared/types';
import { ContractCard } from './ContractCard';

export function ExecutionTab({
  projectId,
  outputs,
}: {
  projectId: number;
  outputs: ProjectOutput[];
}) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['projects', projectId, 'execution'],
    queryFn: () => api.execution(projectId),
  });
  if (q.isLoading) return <Skeleton active />;
  const items = q.data?.items ?? [];
  if (items.length === 0)
    return <Typography.Text className="empty-text">{t('exec.noContract')}</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {items.map((c) => (
        <ContractCard key={c.id} c={c} outputs={outputs} />
      ))}
    </Space>
  );
}
