// Records or edits a production–consumption chain: its name, product line and lead province,
// its facilities each with a role, and the projects that built it. A province leads only its
// own chains, so its form has no province to choose.
import { Button, Form, Input, Select, Space } from 'antd';
import { api } from '../../shared/api';
import { FacilitySelect } from '../../shared/FacilitySelect';
import { ProvinceSelect } from '../../shared/filterSelects';
import { useI18n } from '../../shared/i18n';
import { RecordModal } from '../../shared/RecordModal';
import { useSession } from '../../shared/session';
import type { ChainDetail } from '../../shared/types';

export const CHAIN_ROLES = ['supplier', 'producer', 'buyer'];

export function ChainForm({ chain }: { chain?: ChainDetail }) {
  const { t } = useI18n();
  const { session } = useSession();
  const own = session?.scope_province_2025 ?? undefined;
  const required = [{ required: true, message: t('form.required') }];
  const initial = chain
    ? {
        name: chain.name,
        product_line: chain.product_line,
        description: chain.description,
        province: chain.province_2025,
        links: chain.links.map((l) => ({ facility_id: l.facility_id, role: l.role })),
        project_ids: chain.projects.map((p) => p.id),
      }
    : { province: own, links: [{ role: 'producer' }], project_ids: [] };
  const facilities = (chain?.links ?? []).map((l) => ({
    id: l.facility_id,
    name: l.facility_name,
  }));
  const projects = (chain?.projects ?? []).map((p) => ({
    id: p.id,
    name: `${p.code} — ${p.title}`,
  }));
  return (
    <RecordModal
      button={chain ? t('chain.edit') : t('chain.new')}
      title={chain ? t('chain.edit') : t('chain.new')}
      fields={['name', 'product_line', 'description', 'province', 'links', 'project_ids']}
      initial={initial}
      submit={(v) => {
        const body = {
          name: v.name,
          product_line: v.product_line,
          description: v.description ?? '',
          province: { set: '2025', code: v.province },
          links: v.links ?? [],
          project_ids: ((v.project_ids as (number | undefined)[]) ?? []).filter(Boolean),
        };
        return chain
          ? api.updateChain(chain.id, { ...body, version: chain.version })
          : api.createChain(body);
      }}
    >
      <Form.Item name="name" label={t('chain.name')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="product_line" label={t('chain.productLine')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="province" label={t('chain.leadProvince')} rules={required} hidden={!!own}>
        <ProvinceSelect />
      </Form.Item>
      <Form.Item name="description" label={t('chain.description')}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.List name="links">
        {(rows, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {rows.map((row) => (
              <Space key={row.key} wrap align="start">
                <Form.Item name={[row.name, 'facility_id']} rules={required}>
                  <FacilitySelect aria-label={t('chain.facility')} known={facilities} />
                </Form.Item>
                <Form.Item name={[row.name, 'role']} rules={required}>
                  <Select
                    aria-label={t('chain.role')}
                    style={{ width: 190 }}
                    options={CHAIN_ROLES.map((r) => ({ value: r, label: t(`chain.role.${r}`) }))}
                  />
                </Form.Item>
                <Button onClick={() => remove(row.name)}>{t('chain.remove')}</Button>
              </Space>
            ))}
            <Button onClick={() => add({ role: 'producer' })}>{t('chain.addLink')}</Button>
          </Space>
        )}
      </Form.List>
      <Form.List name="project_ids">
        {(rows, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
            {rows.map((row) => (
              <Space key={row.key} wrap align="start">
                <Form.Item name={row.name} rules={required}>
                  <FacilitySelect
                    kind="projects"
                    aria-label={t('chain.project')}
                    known={projects}
                  />
                </Form.Item>
                <Button onClick={() => remove(row.name)}>{t('chain.remove')}</Button>
              </Space>
            ))}
            <Button onClick={() => add()}>{t('chain.addProject')}</Button>
          </Space>
        )}
      </Form.List>
    </RecordModal>
  );
}
