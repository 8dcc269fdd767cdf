// What several screens ask the same way: a confirmation that needs a reason (cancel, return,
// fail, a conflict of interest).
import { Input, Modal } from 'antd';
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
