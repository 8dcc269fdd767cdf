// The proposal's dossier attachments: the files with their kind, size and date, each to
// download; whoever may edit the proposal adds files (PDF, DOCX, XLSX, JPEG, PNG — the server
// reads the type from the bytes) and removes them. Refusals are said in words at the list.
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Popconfirm, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api';
import { formatNumber } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { fieldMessage } from '../../shared/messages';
import { useProblemText } from '../../shared/problems';
import type { Attachment } from '../../shared/types';
import { wideTable } from '../../shared/ResponsiveTable';

function size(bytes: number) {
  return bytes >= 1 << 20
    ? `${formatNumber(Math.round((bytes / (1 << 20)) * 10) / 10)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

export function Attachments({ projectId, mayEdit }: { projectId: number; mayEdit: boolean }) {
  const { t, lang } = useI18n();
  const problemText = useProblemText();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const key = ['projects', projectId, 'attachments'];
  const list = useQuery({ queryKey: key, queryFn: () => api.attachments(projectId) });
  const explain = (e: unknown) => {
    if (!(e instanceof ApiError)) throw e;
    const p = e.problem;
    const fields = (p.errors ?? []).map((fe) => fieldMessage(fe, lang));
    setError(
      fields.length
        ? fields.join('; ')
        : p.status === 413
          ? t('attachments.tooLarge')
          : problemText(e),
    );
  };
  const attach = useMutation({
    mutationFn: (file: File) => api.attach(projectId, file),
    onSuccess: () => {
      setError(null);
      client.invalidateQueries({ queryKey: key });
    },
    onError: explain,
  });
  const detach = useMutation({
    mutationFn: (id: number) => api.detach(projectId, id),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
    onError: explain,
  });
  const rows = list.data?.items ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {mayEdit && (
        <Upload
          showUploadList={false}
          customRequest={({ file }) => attach.mutate(file as File)}
          accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
        >
          <Button icon={<UploadOutlined />} loading={attach.isPending}>
            {t('attachments.add')}
          </Button>
        </Upload>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error}
          closable
          onClose={() => setError(null)}
        />
      )}
      <Table<Attachment>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <span className="empty-text">{t('attachments.none')}</span> }}
        {...wideTable(rows, 560)}
        columns={[
          {
            title: t('attachments.name'),
            dataIndex: 'name',
            render: (name: string, a) => (
              <a href={`/api/v1/projects/${projectId}/attachments/${a.id}`}>{name}</a>
            ),
          },
          {
            title: t('attachments.kind'),
            dataIndex: 'kind',
            render: (k: string) => k.toUpperCase(),
          },
          { title: t('attachments.size'), dataIndex: 'size_bytes', align: 'right', render: size },
          {
            title: t('attachments.added'),
            dataIndex: 'created_at',
            render: (at: string) => at.slice(0, 10).split('-').reverse().join('/'),
          },
          ...(mayEdit
            ? [
                {
                  title: '',
                  key: 'remove',
                  render: (_: unknown, a: Attachment) => (
                    <Popconfirm
                      title={t('attachments.confirmRemove', { name: a.name })}
                      okText={t('attachments.remove')}
                      cancelText={t('close')}
                      onConfirm={() => detach.mutate(a.id)}
                    >
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('attachments.removeOf', { name: a.name })}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
