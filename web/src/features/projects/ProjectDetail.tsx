import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Skeleton, Space, Tabs, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { ReasonModal } from '../../shared/dialogs';
import { SHOWN_HERE, useProblemText } from '../../shared/problems';
import { formatDate, formatVnd } from '../../shared/format';
import { COMPUTED_FLAGS, useI18n } from '../../shared/i18n';
import { byCode, useLabel, useReference } from '../../shared/reference';
import { OutputsTable } from '../../shared/OutputsTable';
import { StatusTag } from '../../shared/lists';
import { LoadFailed, PageHeading, useCan } from '../../shared/page';
import { ProjectHistory, ResubmissionChanges } from './ProjectHistory';
import { Attachments } from './Attachments';
import { Dossier } from './Dossier';
import { PlanPlace } from '../plans/PlanPlace';
import { ExecutionTab } from '../execution/ExecutionTab';
import { EligibilityChecks } from './EligibilityChecks';
import { WorkflowActions } from './WorkflowActions';
import { PROGRAMS_QUERY } from '../../shared/programs';

export function ProjectDetail() {
  const { id } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const label = useLabel();
  const client = useQueryClient();
  const problemText = useProblemText();
  const project = useQuery({
    meta: SHOWN_HERE,
    queryKey: ['project', id],
    queryFn: () => api.project(Number(id)),
  });
  const programs = useQuery(PROGRAMS_QUERY);
  const org = useQuery({
    queryKey: ['organization', project.data?.implementing_org_id],
    queryFn: () => api.organization(project.data!.implementing_org_id),
    enabled: !!project.data,
  });
  const contents = byCode(useReference('contents'));
  const p2008 = byCode(useReference('provinces-2008'));
  const p2025 = byCode(useReference('provinces-2025'));
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: () => api.cancelProject(project.data!.id, project.data!.version, reason.trim()),
    onSuccess: (p) => {
      client.setQueryData(['project', id], p);
      client.invalidateQueries({ queryKey: ['projects'] });
      client.invalidateQueries({ queryKey: ['history'] });
      setCancelling(false);
    },
    onError: (e) => message.error(problemText(e)),
  });
  if (project.isError)
    return <LoadFailed error={project.error} retry={() => void project.refetch()} />;
  const p = project.data;
  if (!p) return <Skeleton active paragraph={{ rows: 8 }} />;
  // The server says whether this user may edit the record now, and which steps they may take.
  const mayChange = can('write_projects') && p.status !== 'cancelled' && !!p.may_edit;
  const program = programs.data?.items.find((x) => x.id === p.program_id);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading
        title={`${p.code} — ${p.title}`}
        actions={
          <Space wrap>
            {(p.actions ?? []).includes('submit') && (
              <Link to={`/projects/${p.id}/submit`}>
                <Button>{t('wizard.open')}</Button>
              </Link>
            )}
            <WorkflowActions project={p} />
            <Button href={`/api/v1/projects/${p.id}/sheet`} target="_blank" rel="noopener">
              {t('project.sheet')}
            </Button>
            {mayChange && (
              <Space>
                <Link to={`/projects/${p.id}/edit`}>
                  <Button type="primary">{t('edit')}</Button>
                </Link>
                <Button danger onClick={() => setCancelling(true)}>
                  {t('cancelProject')}
                </Button>
                <ReasonModal
                  open={cancelling}
                  title={t('confirmCancel')}
                  okText={t('cancelProject')}
                  value={reason}
                  onChange={setReason}
                  loading={cancel.isPending}
                  onOk={() => cancel.mutate()}
                  onCancel={() => setCancelling(false)}
                />
              </Space>
            )}
          </Space>
        }
      />
      <ResubmissionChanges id={p.id} />
      <EligibilityChecks project={p} />
      <PlanPlace projectId={p.id} kind={p.kind} />
      <Tabs
        items={[
          {
            key: 'details',
            label: t('details'),
            children: (
              <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                <Descriptions bordered column={2} size="small">
                  <Descriptions.Item label={t('status')}>
                    <StatusTag status={p.status} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('kind')}>{t(`kind.${p.kind}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('program')}>
                    {program?.name ?? p.program_id}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('year')}>{p.year}</Descriptions.Item>
                  <Descriptions.Item label={t('content')} span={2}>
                    {p.content_code} — {label(contents.get(p.content_code))}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('province')} span={2}>
                    {p.provinces
                      .map(
                        (x) =>
                          `${label((x.set === '2008' ? p2008 : p2025).get(x.code), x.code)} (${x.set})`,
                      )
                      .join(', ')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('implementingOrg')} span={2}>
                    {org.data?.name ?? p.implementing_org_id}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('requested')}>
                    {formatVnd(p.requested_vnd)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('counterpart')}>
                    {formatVnd(p.counterpart_vnd)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('total')}>{formatVnd(p.total_vnd)}</Descriptions.Item>
                  <Descriptions.Item label={t('beneficiaries')}>
                    {p.beneficiary_ids?.length ?? 0}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('start')}>{formatDate(p.start)}</Descriptions.Item>
                  <Descriptions.Item label={t('end')}>{formatDate(p.end)}</Descriptions.Item>
                  <Descriptions.Item label={t('priorityFlags')} span={2}>
                    {(p.priority_flags ?? []).map((f) => (
                      <Tag
                        key={f}
                        color={COMPUTED_FLAGS.includes(f) ? 'blue' : undefined}
                        title={COMPUTED_FLAGS.includes(f) ? t('flags.computedTag') : undefined}
                      >
                        {t(`flag.${f}`)}
                      </Tag>
                    ))}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('version')}>{p.version}</Descriptions.Item>
                  <Descriptions.Item label={t('updatedAt')}>{p.updated_at}</Descriptions.Item>
                </Descriptions>
                <OutputsTable outputs={p.outputs ?? []} title={t('outputs')} />
              </Space>
            ),
          },
          ...(can('read_execution')
            ? [
                {
                  key: 'execution',
                  label: t('exec.tab'),
                  children: <ExecutionTab projectId={p.id} outputs={p.outputs ?? []} />,
                },
              ]
            : []),
          {
            // The dossier: what is written (thuyết minh), then the attached files.
            key: 'dossier',
            label: t('dossier.tab'),
            children: (
              <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                <Dossier projectId={p.id} mayEdit={mayChange} />
                <section aria-label={t('attachments')}>
                  <Typography.Title level={5}>{t('attachments')}</Typography.Title>
                  <Attachments projectId={p.id} mayEdit={!!p.may_edit} />
                </section>
              </Space>
            ),
          },
          { key: 'history', label: t('history'), children: <ProjectHistory id={p.id} /> },
        ]}
      />
    </Space>
  );
}
