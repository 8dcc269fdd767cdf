// A filer's submission, step by step: the record, the written dossier, the attached files,
// then the eligibility checks and the step itself. Each step shows the checks that fire now
// (they run on every save), so a problem is seen where it can be mended. The step is in the
// address (?step=), so that Back and a shared link return to it.
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Empty, Skeleton, Space, Steps } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatDate, formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { StatusTag, useUrlState } from '../../shared/lists';
import { LoadFailed, PageHeading } from '../../shared/page';
import { SHOWN_HERE } from '../../shared/problems';
import { Attachments } from './Attachments';
import { Dossier } from './Dossier';
import { EligibilityChecks } from './EligibilityChecks';
import { WorkflowActions } from './WorkflowActions';

const STEPS = ['wizard.record', 'wizard.dossier', 'wizard.files', 'wizard.submit'];

export function SubmitWizard() {
  const { id } = useParams();
  const { t } = useI18n();
  const { state, set: setState } = useUrlState({ step: 0 });
  const project = useQuery({
    meta: SHOWN_HERE,
    queryKey: ['project', id],
    queryFn: () => api.project(Number(id)),
  });
  if (project.isError)
    return <LoadFailed error={project.error} retry={() => void project.refetch()} />;
  const p = project.data;
  if (!p) return <Skeleton active paragraph={{ rows: 8 }} />;
  const step = Math.min(Math.max(0, Math.trunc(state.step)), STEPS.length - 1);
  const go = (n: number) => setState({ step: n });
  const mayEdit = !!p.may_edit;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading title={`${t('wizard.title')}: ${p.code}`} />
      <Steps current={step} onChange={go} items={STEPS.map((s) => ({ title: t(s) }))} responsive />
      {step < 3 && <EligibilityChecks project={p} />}
      {step === 0 && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions bordered column={1} size="small">
            <Descriptions.Item label={t('title')}>{p.title}</Descriptions.Item>
            <Descriptions.Item label={t('status')}>
              <StatusTag status={p.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('requested')}>
              {formatVnd(p.requested_vnd)}
            </Descriptions.Item>
            <Descriptions.Item label={t('counterpart')}>
              {formatVnd(p.counterpart_vnd ?? 0)}
            </Descriptions.Item>
            <Descriptions.Item label={t('beneficiaries')}>
              {p.beneficiary_ids?.length ?? 0}
            </Descriptions.Item>
            <Descriptions.Item label={t('start')}>{formatDate(p.start)}</Descriptions.Item>
            <Descriptions.Item label={t('end')}>{formatDate(p.end)}</Descriptions.Item>
          </Descriptions>
          {mayEdit && (
            <Link to={`/projects/${p.id}/edit`}>
              <Button>{t('edit')}</Button>
            </Link>
          )}
        </Space>
      )}
      {step === 1 && <Dossier projectId={p.id} mayEdit={mayEdit} />}
      {step === 2 && <Attachments projectId={p.id} mayEdit={mayEdit} />}
      {step === 3 && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <EligibilityChecks project={p} />
          {(p.actions ?? []).length > 0 ? (
            <Space wrap>
              <WorkflowActions project={p} />
            </Space>
          ) : (
            <Empty description={t('wizard.noStep')} />
          )}
        </Space>
      )}
      <Space>
        {step > 0 && <Button onClick={() => go(step - 1)}>{t('wizard.back')}</Button>}
        {step < STEPS.length - 1 && (
          <Button type="primary" onClick={() => go(step + 1)}>
            {t('wizard.next')}
          </Button>
        )}
        <Link to={`/projects/${p.id}`}>{t('wizard.toProject')}</Link>
      </Space>
    </Space>
  );
}
