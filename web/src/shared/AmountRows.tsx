// The rows of a form's `items` list: a key (a project's code, a facility) and an amount of
// money each, rows added and removed, the list's own server errors under it. Used by the
// adjustment decision and the group project's split.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Space } from 'antd';
import type { ReactNode } from 'react';
import { MoneyInput, useMoneyRules } from './forms';
import { useI18n } from './i18n';

export function AmountRows({
  keyField,
  keyLabel,
  renderKey,
  amountLabel,
  footer,
}: {
  keyField: string;
  keyLabel: string;
  renderKey: (row: number) => ReactNode; // the key's input for row `row` (0-based)
  amountLabel: string;
  footer?: ReactNode; // beside the add button (e.g. the running total)
}) {
  const { t } = useI18n();
  const money = useMoneyRules(true);
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Form.List name="items">
      {(rows, { add, remove }, { errors }) => (
        <>
          {rows.map((row, i) => (
            <Space key={row.key} align="start" wrap>
              <Form.Item
                name={[row.name, keyField]}
                label={i === 0 ? keyLabel : undefined}
                rules={required}
              >
                {renderKey(i)}
              </Form.Item>
              <Form.Item
                name={[row.name, 'amount_vnd']}
                label={i === 0 ? amountLabel : undefined}
                rules={money}
              >
                <MoneyInput aria-label={`${amountLabel} ${i + 1}`} />
              </Form.Item>
              {rows.length > 1 && (
                <Button
                  type="text"
                  aria-label={t('plan.removeRow')}
                  icon={<DeleteOutlined />}
                  onClick={() => remove(row.name)}
                  style={i === 0 ? { marginTop: 30 } : undefined}
                />
              )}
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          <Space>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('plan.addRow')}
            </Button>
            {footer}
          </Space>
        </>
      )}
    </Form.List>
  );
}
