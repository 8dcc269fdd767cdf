import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, message } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { ReasonModal } from '../../shared/dialogs';
import { useProblemText } from '../../shared/problems';
import { useI18n } from '../../shared/i18n';
import type { Project } from '../../shared/types';

// The steps that need a reason (the server refuses them without one).
const NEEDS_REASON = new Set(['return', 'not_forward', 'fail']);

/** The workflow steps the server says this user may take now, as buttons. */
export function WorkflowActions({ project }: { project: Project }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const problemText = useProblemText();
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
    onError: (e) => message.error(problemText(e)),
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
      <ReasonModal
        open={asking !== null}
        title={asking ? t(`action.${asking}`) : ''}
        value={reason}
        onChange={setReason}
        loading={step.isPending}
        onOk={() => asking && step.mutate(asking)}
        onCancel={() => setAsking(null)}
      />
    </>
  );
}
