// Import from a file, as officials do it: choose what to import and the file; every row is
// checked on the server at once (nothing written) and the problems shown by row and column;
// then one confirmation writes all rows (or, if the data changed meanwhile, none).
import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Radio, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../shared/api';
import { formatNumber } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useProblemText } from '../../shared/problems';
import { fieldMessage } from '../../shared/messages';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import type { FieldError, ImportKind, ImportReport } from '../../shared/types';

const KINDS: {
  kind: ImportKind;
  permission: 'write_projects' | 'write_places' | 'manage_clusters';
  list: string;
}[] = [
  { kind: 'projects', permission: 'write_projects', list: '/projects' },
  { kind: 'organizations', permission: 'write_places', list: '/organizations' },
  { kind: 'facilities', permission: 'write_places', list: '/facilities' },
  { kind: 'clusters', permission: 'manage_clusters', list: '/clusters' },
];

interface Problem {
  key: number;
  row: string;
  column: string;
  error: FieldError;
}

// "row 12, column requested_vnd" and its coded message, as a table row.
function problemRows(errors: FieldError[]): Problem[] {
  return errors.map((error, key) => {
    const m = /^row (\d+)(?:, column (.*))?$/.exec(error.field ?? '');
    return {
      key,
      row: m ? m[1] : '',
      column: m ? (m[2] ?? '') : error.field === '(more)' ? '' : (error.field ?? ''),
      error,
    };
  });
}

export function ImportPage() {
  const { t, lang } = useI18n();
  const problemText = useProblemText();
  const can = useCan();
  const allowed = KINDS.filter((k) => can(k.permission));
  const [kind, setKind] = useState<ImportKind>(allowed[0]?.kind ?? 'projects');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [problems, setProblems] = useState<{ detail: string; rows: Problem[] } | null>(null);
  const reset = () => {
    setFile(null);
    setChecked(null);
    setDone(null);
    setProblems(null);
  };
  const send = useMutation({
    mutationFn: (v: { file: File; check: boolean }) => api.importFile(kind, v.file, v.check),
    onSuccess: (r, v) => {
      if (v.check) setChecked(r);
      else setDone(r);
    },
    onError: (e) => {
      const p = e instanceof ApiError ? e.problem : null;
      setChecked(null);
      // Shown when no row is named: a busy server, the line down, a file too large.
      setProblems({ detail: problemText(e), rows: problemRows(p?.errors ?? []) });
    },
  });
  if (allowed.length === 0) return <NoAccess title={t('import.title')} />;
  const choose = (f: File) => {
    reset();
    setFile(f);
    send.mutate({ file: f, check: true });
  };
  const list = KINDS.find((k) => k.kind === kind)?.list ?? '/';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <PageHeading title={t('import.title')} />
      <Typography.Paragraph>{t('import.help')}</Typography.Paragraph>
      <Space wrap>
        <Radio.Group
          aria-label={t('import.kind')}
          value={kind}
          onChange={(e) => {
            reset();
            setKind(e.target.value as ImportKind);
          }}
          options={allowed.map((k) => ({ value: k.kind, label: t(`import.kind.${k.kind}`) }))}
          optionType="button"
        />
        <Upload
          showUploadList={false}
          accept=".csv,.xlsx,.xls"
          customRequest={({ file: f }) => choose(f as File)}
        >
          <Button icon={<UploadOutlined />} loading={send.isPending && !checked}>
            {t('import.choose')}
          </Button>
        </Upload>
      </Space>
      {file && send.isPending && !checked && (
        <Alert type="info" showIcon title={t('import.checking', { file: file.name })} />
      )}
      {file && checked && !done && (
        <Alert
          type="success"
          showIcon
          title={t('import.checked', { file: file.name, rows: formatNumber(checked.rows) })}
          action={
            <Button
              type="primary"
              loading={send.isPending}
              onClick={() => send.mutate({ file, check: false })}
            >
              {t('import.confirm', { rows: formatNumber(checked.rows) })}
            </Button>
          }
        />
      )}
      {(checked ?? done)?.notes?.length ? (
        <Alert
          type="warning"
          title={t('import.notes')}
          description={(checked ?? done)?.notes?.join('; ')}
        />
      ) : null}
      {file && done && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('import.done', { file: file.name, rows: formatNumber(done.imported) })}
          action={
            <Space>
              <Link to={list}>{t('import.open')}</Link>
              <Button onClick={reset}>{t('import.again')}</Button>
            </Space>
          }
        />
      )}
      {file && problems && (
        <>
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('import.problems', {
              file: file.name,
              n: formatNumber(Math.max(problems.rows.length, 1)),
            })}
            description={problems.rows.length ? undefined : problems.detail}
          />
          {problems.rows.length > 0 && (
            <ResponsiveTable<Problem>
              size="small"
              rowKey="key"
              dataSource={problems.rows}
              pagination={{ pageSize: 50 }}
              columns={[
                { title: t('import.row'), dataIndex: 'row' },
                { title: t('import.column'), dataIndex: 'column' },
                {
                  title: t('import.message'),
                  key: 'message',
                  render: (_: unknown, p: Problem) => fieldMessage(p.error, lang),
                },
              ]}
            />
          )}
        </>
      )}
    </Space>
  );
}
