// Long work from the UI: the button starts a background job on the server (POST /jobs), the
// progress shows while it runs (the page stays usable), and a download link appears when the
// file is ready; a failure says why.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Progress, Space } from 'antd';
import { useState } from 'react';
import { api, type Query } from './api';
import { useI18n } from './i18n';
import { useProblemText } from './problems';

export function JobButton({
  label,
  kind,
  filters,
  format,
}: {
  label: string;
  kind: string;
  filters?: Query;
  format?: string;
}) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const [id, setId] = useState<string>();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string>();
  const job = useQuery({
    queryKey: ['job', id],
    queryFn: () => api.job(id!),
    enabled: !!id,
    refetchInterval: (q) =>
      q.state.data?.status === 'done' || q.state.data?.status === 'failed' ? false : 500,
  });
  const start = async () => {
    setStarting(true);
    setError(undefined);
    try {
      const j = await api.startJob({ kind, filters, format });
      setId(j.id);
    } catch (e) {
      setError(problemText(e));
    } finally {
      setStarting(false);
    }
  };
  const j = job.data;
  const running = !!id && (!j || j.status === 'queued' || j.status === 'running');
  return (
    <Space wrap>
      <Button onClick={start} loading={starting || running}>
        {label}
      </Button>
      {running && (
        <Progress
          style={{ width: 160 }}
          size="small"
          aria-label={t('job.progress')}
          percent={j && j.total > 0 ? Math.floor((j.done / j.total) * 100) : 0}
        />
      )}
      {j?.status === 'done' && (
        <a href={j.download ?? api.jobFileUrl(j.id)} download>
          {t('job.download')}
        </a>
      )}
      {(j?.status === 'failed' || error) && (
        <Alert type="error" showIcon title={t('job.failed', { reason: j?.error ?? error ?? '' })} />
      )}
    </Space>
  );
}
