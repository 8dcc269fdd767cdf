import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Input, Modal, message } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { Project } from '../../shared/types';

// The steps that need a reason (the server refuses them without one).
const NEEDS_REASON = new Set(['return', 'not_forward', 'fail']);

/** The workflow steps the server says this user may take now, as buttons. */
export function WorkflowActions({ project }: { project: Project }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [asking, setAsking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const step = useMutation({
    mutationFn: (action: string) =>
      api.transition(project.id!, action, project.version!, reason.trim()),
    onSuccess: (p) => {
      client.setQueryData(['project', String(project.id)], p);
      client.invalidateQueries({ queryKey: ['projects'] });
      client.invalidateQueries({ queryKey: ['history'] });
      setAsking(null);
      setReason('');
    },
    onError: (e) =>
      message.error(
        e instanceof ApiError
          ? e.problem.code
            ? t(`problem.${e.problem.code}`)
            : e.problem.detail
          : String(e),
      ),
  });
  const actions = project.actions ?? [];
  return (
    <>
      {actions.map((a) => (
        <Button
          key={a}
          danger={a === 'withdraw' || a === 'fail' || a === 'not_forward'}
          loading={step.isPending && step.variables === a}
          onClick={() => (NEEDS_REASON.has(a) ? setAsking(a) : step.mutate(a))}
        >
          {t(`action.${a}`)}
        </Button>
      ))}
      <Modal
        open={asking !== null}
        title={asking ? t(`action.${asking}`) : ''}
        okText={asking ? t(`action.${asking}`) : ''}
        okButtonProps={{ disabled: !reason.trim() }}
        cancelText={t('close')}
        confirmLoading={step.isPending}
        onOk={() => asking && step.mutate(asking)}
        onCancel={() => setAsking(null)}
      >
        <Input.TextArea
          aria-label={t('reason')}
          placeholder={t('reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoSize={{ minRows: 2 }}
        />
      </Modal>
    </>
  );
}
