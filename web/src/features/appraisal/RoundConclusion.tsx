// The council's conclusion on its round: shown once drawn; drawn by whoever manages the council
// once every proposal before it has its own conclusion (the server says which are missing).
import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input } from 'antd';
import { api } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { DateInput } from '../../shared/forms';
import { useI18n } from '../../shared/i18n';
import { RecordModal } from '../../shared/RecordModal';

export function RoundConclusion({ council, manages }: { council: number; manages: boolean }) {
  const { t } = useI18n();
  const drawn = useQuery({
    queryKey: ['round-conclusion', council],
    queryFn: () => api.roundConclusion(council),
    retry: false,
  });
  const c = drawn.data;
  if (c)
    return (
      <Alert
        type="success"
        showIcon
        title={t('appraisal.roundConcluded', {
          date: formatDate(c.concluded_on),
          passed: c.passed,
          changes: c.passed_with_changes,
          failed: c.failed,
        })}
        description={c.summary}
      />
    );
  if (!manages || drawn.isLoading) return null;
  const required = [{ required: true, message: t('form.required') }];
  return (
    <RecordModal
      button={t('appraisal.concludeRound')}
      title={t('appraisal.concludeRound')}
      fields={['concluded_on', 'summary']}
      submit={(v) => api.concludeRound(council, v)}
    >
      <Form.Item name="concluded_on" label={t('appraisal.concludedOn')} rules={required}>
        <DateInput />
      </Form.Item>
      <Form.Item name="summary" label={t('appraisal.roundSummary')} rules={required}>
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
    </RecordModal>
  );
}
