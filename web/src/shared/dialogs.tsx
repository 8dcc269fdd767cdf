// What several screens ask the same way: a confirmation that needs a reason (cancel, return,
// fail, a conflict of interest), and a failed action's message in the user's language.
import { Input, Modal } from 'antd';
import { ApiError } from './api';
import { useI18n } from './i18n';

/** A dialog whose action stays disabled until a reason is typed. */
export function ReasonModal(props: {
  open: boolean;
  title: string;
  okText?: string;
  value: string;
  onChange: (reason: string) => void;
  onOk: () => void;
  onCancel: () => void;
  loading?: boolean;
  placeholder?: string;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText ?? props.title}
      okButtonProps={{ danger: true, disabled: !props.value.trim() }}
      cancelText={t('close')}
      confirmLoading={props.loading}
      onOk={props.onOk}
      onCancel={props.onCancel}
    >
      <Input.TextArea
        aria-label={t('reason')}
        placeholder={props.placeholder ?? t('reasonHint')}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoSize={{ minRows: 2 }}
      />
    </Modal>
  );
}

/** The text for a failed request: the conflict's own words when the server names it. */
export function useProblemText() {
  const { t } = useI18n();
  return (e: unknown) =>
    e instanceof ApiError
      ? e.problem.code
        ? t(`problem.${e.problem.code}`)
        : (e.problem.errors?.[0]?.message ?? e.problem.detail)
      : String(e);
}
