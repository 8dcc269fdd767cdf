// The overview's charts of the projects the user sees (a province its own province, a unit its
// own projects): the amounts requested by content of activity, and the projects by status in
// the statuses' own colours. Each chart is described in words for screen readers.
import { Card, Col, Row } from 'antd';
import { Chart } from '../../shared/charts';
import { formatVndShort } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { statusColor } from '../../shared/lists';
import { byCode, useLabel, useReference } from '../../shared/reference';
import type { Group } from '../../shared/types';

const ROW = 28; // px per bar

export function ProgramCharts({ byContent, byStatus }: { byContent: Group[]; byStatus: Group[] }) {
  const { t } = useI18n();
  const label = useLabel();
  const contents = byCode(useReference('contents'));
  const content = (code: string) => `${code} ${label(contents.get(code), '')}`.trim();
  const short = (s: string) => (s.length > 34 ? `${s.slice(0, 33)}…` : s);
  const byAmount = [...byContent].sort((a, b) => a.requested_vnd - b.requested_vnd);
  const statuses = [...byStatus].sort((a, b) => a.projects - b.projects);
  const bars = (n: number) => Math.max(160, n * ROW + 56);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={t('chart.byContent')}>
          <Chart
            label={t('chart.byContentLabel', {
              list: byAmount
                .map((g) => `${content(g.key)}: ${formatVndShort(g.requested_vnd)}`)
                .reverse()
                .join('; '),
            })}
            height={bars(byAmount.length)}
            option={{
              tooltip: { trigger: 'item' },
              grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
              xAxis: {
                type: 'value',
                splitNumber: 3,
                axisLabel: { hideOverlap: true, formatter: (v: number) => formatVndShort(v) },
              },
              yAxis: {
                type: 'category',
                data: byAmount.map((g) => short(content(g.key))),
              },
              series: [
                {
                  type: 'bar',
                  barMaxWidth: 22,
                  name: t('requested'),
                  data: byAmount.map((g) => g.requested_vnd),
                  tooltip: { valueFormatter: (v: number) => formatVndShort(v) },
                },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('chart.byStatus')}>
          <Chart
            label={t('chart.byStatusLabel', {
              list: statuses
                .map((g) => `${t(`status.${g.key}`)}: ${g.projects}`)
                .reverse()
                .join('; '),
            })}
            height={bars(statuses.length)}
            option={{
              tooltip: { trigger: 'item' },
              grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
              xAxis: { type: 'value', minInterval: 1 },
              yAxis: { type: 'category', data: statuses.map((g) => t(`status.${g.key}`)) },
              series: [
                {
                  type: 'bar',
                  barMaxWidth: 22,
                  name: t('nav.projects'),
                  data: statuses.map((g) => ({
                    value: g.projects,
                    itemStyle: { color: statusColor(g.key) },
                  })),
                },
              ],
            }}
          />
        </Card>
      </Col>
    </Row>
  );
}
