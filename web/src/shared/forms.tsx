// The patterns of every form: server errors in the user's language at the field they name
// (cleared as soon as the field changes), a general message for what has no field, the
// version-conflict dialog only for a real version conflict, money typed the Vietnamese way,
// and dates that never submit the form on Enter.
import { Alert, Button, DatePicker, Form, Input, Modal, Space, type FormInstance } from 'antd';
import type { DatePickerProps } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from './api';
import { useI18n } from './i18n';
import { fieldMessage } from './messages';
import { useProblemText } from './problems';

/** Server errors for a form whose items are named like the API's top-level fields. */
export function useServerErrors<T>(
  form: FormInstance<T>,
  fields: ReadonlySet<string>,
  onReload?: () => void,
  lists: ReadonlySet<string> = new Set(),
) {
  const { t, lang } = useI18n();
  const problemText = useProblemText();
  const [general, setGeneral] = useState<string | null>(null);

  /** Shows an API error; rethrows anything else. */
  const show = (e: unknown) => {
    if (!(e instanceof ApiError)) throw e;
    const p = e.problem;
    if (p.code === 'version_conflict') {
      Modal.confirm({
        title: t('conflict.title'),
        content: t('conflict'),
        okText: t('conflict.reload'),
        cancelText: t('conflict.keep'),
        onOk: () => onReload?.(),
      });
      return;
    }
    const byField = new Map<string, string[]>();
    const unplaced: string[] = [];
    for (const fe of p.errors ?? []) {
      const parts = fe.field.split('/');
      // An error inside a Form.List ("items/2/amount_vnd") goes to that row's field.
      const name = lists.has(parts[0]) && parts.length > 2 ? fe.field : parts[0];
      const text = fieldMessage(fe, lang);
      if (fields.has(parts[0])) byField.set(name, [...(byField.get(name) ?? []), text]);
      else unplaced.push(`${fe.field}: ${text}`);
    }
    const path = (name: string) =>
      name.split('/').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    form.setFields(
      [...byField].map(([name, errors]) => ({ name: path(name) as never, errors })) as never,
    );
    const summary = p.status === 422 ? t('problem.invalid') : problemText(e);
    setGeneral(
      unplaced.length ? [summary, ...unplaced].join(' — ') : byField.size ? null : summary,
    );
    if (byField.size) form.scrollToField(path([...byField.keys()][0]) as never);
    else window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  /** Pass to Form's onValuesChange: a changed field loses its server error. */
  const onValuesChange = (changed: Record<string, unknown>) => {
    const names: (string | number)[][] = [];
    for (const [name, value] of Object.entries(changed)) {
      names.push([name]);
      // A list reports the changed row only: {items: [ , {amount_vnd: 5}]}.
      if (lists.has(name) && Array.isArray(value))
        value.forEach((row, i) => {
          if (row && typeof row === 'object')
            for (const field of Object.keys(row)) names.push([name, i, field]);
        });
    }
    form.setFields(names.map((name) => ({ name, errors: [] })) as never);
  };

  const alert = general ? (
    <Alert
      type="error"
      title={general}
      showIcon
      role="alert"
      closable
      onClose={() => setGeneral(null)}
    />
  ) : null;
  return { show, onValuesChange, alert, clear: () => setGeneral(null) };
}

/** "1.000.000", "1 000 000", "1000000" -> 1000000; anything else -> null. */
export function parseVnd(text: string): number | null {
  const s = text.trim();
  if (s === '') return null;
  if (!/^\d{1,3}([.\s\u00a0]\d{3})*$/.test(s) && !/^\d+$/.test(s)) return null;
  const n = Number(s.replace(/[.\s\u00a0]/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

function groupVnd(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * A money field in whole đồng. Its form value is the number when the text is a whole,
 * non-negative amount, and the text itself otherwise (which `moneyRule` refuses, visibly).
 */
export function MoneyInput({
  value,
  onChange,
  id,
  ...rest
}: {
  value?: number | string | null;
  onChange?: (v: number | string | null) => void;
  id?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
  disabled?: boolean;
}) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (typeof value === 'number' ? groupVnd(value) : (value ?? ''));
  return (
    <Input
      id={id}
      inputMode="numeric"
      suffix="₫"
      value={shown}
      onChange={(e) => {
        const raw = e.target.value;
        setText(raw);
        const n = parseVnd(raw);
        onChange?.(raw.trim() === '' ? null : (n ?? raw));
      }}
      onBlur={() => {
        const n = parseVnd(text ?? '');
        if (n !== null) setText(groupVnd(n));
      }}
      {...rest}
    />
  );
}

/** The rule for a MoneyInput: a whole, non-negative amount (and present when required). */
export function useMoneyRules(required: boolean): Rule[] {
  const { t } = useI18n();
  return [
    { required, message: t('form.required') },
    {
      validator: (_, v) =>
        v === null || v === undefined || typeof v === 'number'
          ? Promise.resolve()
          : Promise.reject(new Error(t('form.money'))),
    },
  ];
}

/** A date typed or picked as dd/mm/yyyy; Enter chooses the date and never submits the form. */
export function DateInput(props: DatePickerProps) {
  const stopEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') e.preventDefault();
  };
  return <DatePicker format="DD/MM/YYYY" onKeyDown={stopEnter} {...props} />;
}

/** The end of every edit form: the reason for a change (on edit; kept in the history), then
 * Save and Cancel. The form's item for the reason is named `reason`. */
export function FormFooter({ editing }: { editing: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
      {editing && (
        <Form.Item name="reason" label={t('changeReason')}>
          <Input.TextArea autoSize placeholder={t('reasonHint')} />
        </Form.Item>
      )}
      <Space>
        <Button type="primary" htmlType="submit">
          {t('save')}
        </Button>
        <Button onClick={() => navigate(-1)}>{t('cancel')}</Button>
      </Space>
    </>
  );
}
