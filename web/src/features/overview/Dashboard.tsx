// The dashboard's charts under the program's figures: the plan by province on the map of the
// 34 provinces (a click opens the province's profile) and the programs' budgets by year,
// national and local stacked. Shown to whoever reads execution, in their scope.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { Chart, ProvinceMap } from '../../shared/charts';
import { formatVndShort } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLabel, useReference } from '../../shared/reference';
import { annualReportQuery } from '../../shared/annualReport';
import type { Program } from '../../shared/types';

// The annual report of the program's year, whose figures the dashboard shows.
export const annualQuery = (program: Program) =>
  annualReportQuery({ year: program.year, program: program.code });

export function Dashboard({ program, programs }: { program: Program; programs: Program[] }) {
  const { t } = useI18n();
  const label = useLabel();
  const navigate = useNavigate();
  const provinces = useReference('provinces-2025');
  const report = useQuery(annualQuery(program));
  const names = useMemo(
    () => new Map(provinces.map((p) => [String(p.code), label(p, String(p.code))])),
    [provinces, label],
  );
  const amounts = useMemo(
    () =>
      new Map(
        Object.entries(report.data?.by.province ?? {}).map(([code, g]) => [code, g.plan_vnd]),
      ),
    [report.data],
  );
  const years = [...new Set(programs.map((p) => p.year))].sort((a, b) => a - b);
  const budget = (level: string, year: number) =>
    programs
      .filter((p) => p.level === level && p.year === year)
      .reduce((a, p) => a + p.budget_vnd, 0);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={t('report.mapTitle')}>
          <Typography.Paragraph type="secondary">{t('report.mapHint')}</Typography.Paragraph>
          <ProvinceMap
            amounts={amounts}
            names={names}
            label={t('report.mapLabel')}
            onSelect={(code) => names.has(code) && navigate(`/reports/province/${code}`)}
          />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('report.byYearBudget')}>
          <Chart
            label={t('report.byYearBudgetLabel', {
              list: years
                .map((y) => `${y}: ${formatVndShort(budget('KCQG', y) + budget('KCDP', y))}`)
                .join('; '),
            })}
            height={420}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { bottom: 0 },
              grid: { left: 80, right: 16, top: 16, bottom: 48 },
              xAxis: { type: 'category', data: years.map(String) },
              yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatVndShort(v) } },
              series: (['KCQG', 'KCDP'] as const).map((level) => ({
                type: 'bar',
                stack: 'budget',
                name: t(`report.level.${level}`),
                data: years.map((y) => budget(level, y)),
              })),
            }}
          />
        </Card>
      </Col>
    </Row>
  );
}
