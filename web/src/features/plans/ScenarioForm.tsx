// The plan builder's settings: envelope, objective, limits, weights, bundles and partial
// funding. Every change goes straight to the parent, which re-solves.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  Tooltip,
  Typography,
} from 'antd';
import { useI18n } from '../../shared/i18n';
import { searchWithoutDiacritics } from '../../shared/lists';
import { useLabel, useReference } from '../../shared/reference';
import { KINDS } from '../../shared/i18n';
import type { PlanLimit, PlanScenario, PlanWeight } from '../../shared/types';

export const LIMIT_DIMENSIONS = [
  'province_2008',
  'province_2025',
  'region',
  'content',
  'kind',
] as const;
const BOUNDS = ['max_vnd', 'min_vnd', 'max_share', 'min_share'] as const;
type Bound = (typeof BOUNDS)[number];

const boundOf = (l: PlanLimit): Bound => BOUNDS.find((b) => l[b] !== undefined) ?? 'max_vnd';
const millions = (v: number | null | undefined) => (v ?? 0) / 1_000_000;

// The keys of a dimension, from the reference lists, with "*" (each key separately) first.
function useKeys() {
  const label = useLabel();
  const { t } = useI18n();
  const lists: Record<string, { value: string; label: string }[]> = {
    province_2008: useReference('provinces-2008').map((p) => ({
      value: String(p.code),
      label: label(p),
    })),
    province_2025: useReference('provinces-2025').map((p) => ({
      value: String(p.code),
      label: label(p),
    })),
    region: useReference('regions').map((r) => ({ value: String(r.code), label: label(r) })),
    content: useReference('contents').map((c) => ({
      value: String(c.code),
      label: `${c.code} — ${label(c)}`,
    })),
    kind: KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
  };
  return (dimension: string, withEach: boolean) => [
    ...(withEach ? [{ value: '*', label: t('plan.eachKey') }] : []),
    ...(lists[dimension] ?? []),
  ];
}

function LimitRow({
  limit,
  onChange,
  onRemove,
  index,
}: {
  limit: PlanLimit;
  onChange: (l: PlanLimit) => void;
  onRemove: () => void;
  index: number;
}) {
  const { t } = useI18n();
  const keys = useKeys();
  const bound = boundOf(limit);
  const share = bound.endsWith('share');
  const value = limit[bound] ?? 0;
  const set = (b: Bound, v: number) => {
    const next: PlanLimit = { dimension: limit.dimension, key: limit.key };
    next[b] = b.endsWith('share') ? v / 100 : Math.round(v * 1_000_000);
    onChange(next);
  };
  return (
    <Space wrap size={4} data-testid={`limit-${index}`}>
      <Select
        aria-label={t('plan.dimension')}
        style={{ width: 150 }}
        value={limit.dimension}
        onChange={(d) => onChange({ ...limit, dimension: d, key: '*' })}
        options={LIMIT_DIMENSIONS.map((d) => ({ value: d, label: t(`plan.dim.${d}`) }))}
      />
      <Select
        aria-label={t('plan.key')}
        style={{ width: 190 }}
        value={limit.key}
        onChange={(k) => onChange({ ...limit, key: k })}
        options={keys(limit.dimension, true)}
        {...searchWithoutDiacritics}
      />
      <Select
        aria-label={t('plan.bound')}
        style={{ width: 150 }}
        value={bound}
        onChange={(b: Bound) => set(b, b.endsWith('share') ? 10 : 1000)}
        options={BOUNDS.map((b) => ({ value: b, label: t(`plan.bound.${b}`) }))}
      />
      <InputNumber
        aria-label={t('plan.amount')}
        style={{ width: 150 }}
        min={0}
        max={share ? 100 : undefined}
        value={share ? Math.round(value * 1000) / 10 : millions(value)}
        addonAfter={share ? '%' : t('plan.millions')}
        onChange={(v) => v !== null && set(bound, Number(v))}
      />
      <Tooltip title={t('plan.remove')}>
        <Button aria-label={t('plan.remove')} icon={<DeleteOutlined />} onClick={onRemove} />
      </Tooltip>
    </Space>
  );
}

function WeightRow({
  weight,
  onChange,
  onRemove,
}: {
  weight: PlanWeight;
  onChange: (w: PlanWeight) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const keys = useKeys();
  return (
    <Space wrap size={4}>
      <Select
        aria-label={t('plan.dimension')}
        style={{ width: 150 }}
        value={weight.dimension}
        onChange={(d) => onChange({ ...weight, dimension: d, key: keys(d, false)[0]?.value ?? '' })}
        options={LIMIT_DIMENSIONS.map((d) => ({ value: d, label: t(`plan.dim.${d}`) }))}
      />
      <Select
        aria-label={t('plan.key')}
        style={{ width: 190 }}
        value={weight.key}
        onChange={(k) => onChange({ ...weight, key: k })}
        options={keys(weight.dimension, false)}
        {...searchWithoutDiacritics}
      />
      <InputNumber
        aria-label={t('plan.factor')}
        min={0.1}
        max={10}
        step={0.1}
        value={weight.factor}
        addonBefore="×"
        onChange={(v) => v && onChange({ ...weight, factor: Number(v) })}
      />
      <Button aria-label={t('plan.remove')} icon={<DeleteOutlined />} onClick={onRemove} />
    </Space>
  );
}

export function ScenarioForm({
  value,
  onChange,
  budget,
}: {
  value: PlanScenario;
  onChange: (s: PlanScenario) => void;
  budget: number;
}) {
  const { t } = useI18n();
  const limits = value.limits ?? [];
  const weights = value.weights ?? [];
  const setLimit = (i: number, l: PlanLimit | null) =>
    onChange({
      ...value,
      limits:
        l === null ? limits.filter((_, j) => j !== i) : limits.map((x, j) => (j === i ? l : x)),
    });
  const setWeight = (i: number, w: PlanWeight | null) =>
    onChange({
      ...value,
      weights:
        w === null ? weights.filter((_, j) => j !== i) : weights.map((x, j) => (j === i ? w : x)),
    });
  return (
    <Form layout="vertical">
      <Form.Item label={t('plan.name')}>
        <Input
          aria-label={t('plan.name')}
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
        />
      </Form.Item>
      <Form.Item label={t('plan.envelope')} extra={t('plan.envelopeHint')}>
        <InputNumber
          aria-label={t('plan.envelope')}
          style={{ width: 240 }}
          min={0}
          placeholder={String(millions(budget))}
          value={value.envelope_vnd === undefined ? null : millions(value.envelope_vnd)}
          addonAfter={t('plan.millions')}
          onChange={(v) =>
            onChange({
              ...value,
              envelope_vnd: v === null ? undefined : Math.round(Number(v) * 1_000_000),
            })
          }
        />
      </Form.Item>
      <Form.Item label={t('plan.objective')}>
        <Radio.Group
          value={value.objective ?? 'score'}
          onChange={(e) => onChange({ ...value, objective: e.target.value })}
          options={[
            { value: 'score', label: t('plan.objective.score') },
            { value: 'score_x_amount', label: t('plan.objective.score_x_amount') },
          ]}
        />
      </Form.Item>
      <Typography.Title level={5}>{t('plan.limits')}</Typography.Title>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {limits.map((l, i) => (
          <LimitRow
            key={i}
            index={i}
            limit={l}
            onChange={(x) => setLimit(i, x)}
            onRemove={() => setLimit(i, null)}
          />
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            onChange({
              ...value,
              limits: [...limits, { dimension: 'province_2008', key: '*', max_vnd: 5_000_000_000 }],
            })
          }
        >
          {t('plan.addLimit')}
        </Button>
      </Space>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('plan.weights')}
      </Typography.Title>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {weights.map((w, i) => (
          <WeightRow
            key={i}
            weight={w}
            onChange={(x) => setWeight(i, x)}
            onRemove={() => setWeight(i, null)}
          />
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            onChange({
              ...value,
              weights: [...weights, { dimension: 'region', key: 'TDMNPB', factor: 1.2 }],
            })
          }
        >
          {t('plan.addWeight')}
        </Button>
      </Space>
      <Space wrap style={{ marginTop: 16 }} size="large">
        <Space>
          <Switch
            aria-label={t('plan.bundles')}
            checked={(value.bundles ?? 'all_or_none') === 'all_or_none'}
            onChange={(on) => onChange({ ...value, bundles: on ? 'all_or_none' : 'independent' })}
          />
          {t('plan.bundles')}
        </Space>
        <Space>
          <Switch
            aria-label={t('plan.partial')}
            checked={value.partial?.allowed ?? false}
            onChange={(on) =>
              onChange({ ...value, partial: { min_share: 0.7, ...value.partial, allowed: on } })
            }
          />
          {t('plan.partial')}
          {value.partial?.allowed && (
            <InputNumber
              aria-label={t('plan.partialMin')}
              min={10}
              max={100}
              value={Math.round((value.partial.min_share ?? 0.7) * 100)}
              addonAfter="%"
              onChange={(v) =>
                v && onChange({ ...value, partial: { allowed: true, min_share: Number(v) / 100 } })
              }
            />
          )}
        </Space>
      </Space>
    </Form>
  );
}
