// The totals of a filtered list as a row of figures (four to a row on a wide screen, two on a
// phone), shown as loading until the list's answer is there.
import { Card, Col, Row, Statistic } from 'antd';

export function TotalsRow({ items, loading }: { items: [string, string][]; loading: boolean }) {
  return (
    <Row gutter={[12, 12]}>
      {items.map(([title, value]) => (
        <Col key={title} xs={12} lg={6}>
          <Card size="small">
            <Statistic loading={loading} title={title} value={value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
