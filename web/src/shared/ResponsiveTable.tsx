// A table on a wide screen, a column of cards on a phone (each card lists the columns as
// "label: value"), so that nothing is wider than the screen. Same props as antd's Table.
import { Card, Grid, List, Table, Typography, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';

export function ResponsiveTable<T extends object>(props: TableProps<T>) {
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  if (!narrow) return <Table<T> {...props} />;
  const columns = (props.columns ?? []) as ColumnType<T>[];
  const rows = [...(props.dataSource ?? [])];
  const key = (row: T, i: number): Key =>
    typeof props.rowKey === 'function'
      ? props.rowKey(row, i)
      : String((row as Record<string, unknown>)[String(props.rowKey ?? 'key')] ?? i);
  const cell = (row: T, column: ColumnType<T>, i: number): ReactNode => {
    const path = column.dataIndex;
    // A nested path (['result', 'rank']) is followed to its end, as antd's Table does.
    const steps = path === undefined ? [] : Array.isArray(path) ? path.map(String) : [String(path)];
    let value: unknown = steps.length ? row : undefined;
    for (const step of steps) value = (value as Record<string, unknown> | undefined)?.[step];
    return column.render ? (column.render(value, row, i) as ReactNode) : (value as ReactNode);
  };
  const pagination = props.pagination;
  return (
    <List<T>
      dataSource={rows}
      loading={props.loading as boolean | undefined}
      locale={{ emptyText: props.locale?.emptyText as ReactNode }}
      rowKey={(row) => key(row, rows.indexOf(row))}
      pagination={
        pagination
          ? {
              current: pagination.current,
              pageSize: pagination.pageSize,
              total: pagination.total,
              showTotal: pagination.showTotal,
              size: 'small',
              align: 'center',
              onChange: (page, pageSize) =>
                props.onChange?.({ current: page, pageSize }, {}, [], {
                  action: 'paginate',
                  currentDataSource: rows,
                }),
            }
          : false
      }
      renderItem={(row, i) => (
        <List.Item>
          <Card size="small" style={{ width: '100%' }}>
            {columns.map((c, n) => (
              <div key={n} style={{ overflowWrap: 'anywhere' }}>
                <Typography.Text type="secondary">{c.title as ReactNode}: </Typography.Text>
                {cell(row, c, i)}
              </div>
            ))}
          </Card>
        </List.Item>
      )}
    />
  );
}

// What a wide table needs on a phone: a horizontal scroll while it has rows, and no header
// while it has none (an empty scrolling region holds nothing a keyboard can reach, which axe
// reports; an empty table's header alone would be wider than the screen).
export function wideTable(rows: readonly unknown[] | undefined, x: number) {
  const some = !!rows && rows.length > 0;
  return { scroll: some ? { x } : undefined, showHeader: some };
}
