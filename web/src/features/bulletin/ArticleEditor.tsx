// Writing an article: title, summary and a Markdown body with a preview rendered by the server
// exactly as the public will see it (sanitized); kept as a draft, published now or scheduled;
// photos added to a saved article, one of them its cover. Server errors land on their fields.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Radio,
  Space,
  Tag,
  Typography,
  message,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { useServerErrors } from '../../shared/forms';
import { useI18n } from '../../shared/i18n';
import { LoadFailed, NoAccess, PageHeading, useCan } from '../../shared/page';
import { SHOWN_HERE, useProblemText } from '../../shared/problems';
import type { ArticleDetail } from '../../shared/types';
import { STATUS_COLOR } from './ArticleList';

type Values = {
  title: string;
  slug?: string;
  summary: string;
  body_md: string;
  mode: 'draft' | 'now' | 'later';
  publish_at?: Dayjs;
  cover_image_id?: number | null;
};
const FIELDS = new Set(['title', 'slug', 'summary', 'body_md', 'publish_at', 'cover_image_id']);

function initial(a?: ArticleDetail): Partial<Values> {
  if (!a) return { mode: 'draft', body_md: '' };
  const mode = a.status === 'draft' ? 'draft' : a.status === 'scheduled' ? 'later' : 'now';
  return {
    title: a.title,
    slug: a.slug,
    summary: a.summary,
    body_md: a.body_md,
    mode,
    publish_at: a.publish_at ? dayjs(a.publish_at) : undefined,
    cover_image_id: a.cover_image_id ?? null,
  };
}

function Photos({ article }: { article: ArticleDetail }) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const client = useQueryClient();
  const [caption, setCaption] = useState('');
  const upload = useMutation({
    mutationFn: (file: File) => api.addArticleImage(article.id, file, caption),
    onSuccess: () => {
      setCaption('');
      client.invalidateQueries({ queryKey: ['article', article.id] });
    },
    onError: (e) => message.error(problemText(e)),
  });
  return (
    <Card size="small" title={t('article.photos')}>
      <Form.Item name="cover_image_id" label={t('article.cover')}>
        <Radio.Group>
          <Space wrap>
            {article.images.map((img) => (
              <Radio key={img.id} value={img.id}>
                <img src={img.url} alt={img.caption} width={160} />
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Space wrap>
        <Input
          aria-label={t('article.photoCaption')}
          placeholder={t('article.photoCaption')}
          value={caption}
          onChange={(e) => setCaption(e.target.value)}
          style={{ width: 320 }}
        />
        <label>
          {t('article.addPhoto')}{' '}
          <input
            type="file"
            accept="image/jpeg,image/png"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload.mutate(file);
              e.target.value = '';
            }}
          />
        </label>
      </Space>
    </Card>
  );
}

export function ArticleEditor() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const client = useQueryClient();
  const id = Number(useParams().id) || undefined;
  const [form] = Form.useForm<Values>();
  const [preview, setPreview] = useState<string | null>(null);
  const article = useQuery({
    meta: SHOWN_HERE,
    queryKey: ['article', id],
    queryFn: () => api.article(id!),
    enabled: !!id && can('edit_bulletin'),
  });
  const server = useServerErrors(form, FIELDS, () => article.refetch());
  const mode = Form.useWatch('mode', form);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        title: v.title,
        summary: v.summary,
        body_md: v.body_md ?? '',
        ...(v.slug ? { slug: v.slug } : {}),
        published: v.mode !== 'draft',
        publish_at: v.mode === 'later' && v.publish_at ? v.publish_at.toISOString() : null,
        ...(id ? { cover_image_id: v.cover_image_id ?? null, version: article.data?.version } : {}),
      };
      return id ? api.updateArticle(id, body) : api.createArticle(body);
    },
    onSuccess: (saved) => {
      message.success(t('article.saved'));
      client.invalidateQueries({ queryKey: ['articles'] });
      client.invalidateQueries({ queryKey: ['article', saved.id] });
      if (!id) navigate(`/bulletin/${saved.id}`, { replace: true });
    },
    onError: server.show,
  });
  const render = useMutation({
    mutationFn: () => api.previewArticle(form.getFieldValue('body_md') ?? ''),
    onSuccess: (r) => setPreview(r.html),
  });
  if (!can('edit_bulletin')) return <NoAccess title={t('nav.bulletin')} />;
  if (article.isError)
    return <LoadFailed error={article.error} retry={() => void article.refetch()} />;
  if (id && !article.data) return <Card loading />;
  const a = article.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading
        title={a ? a.title : t('article.new')}
        actions={
          a && (
            <Space>
              <Tag color={STATUS_COLOR[a.status]}>{t(`article.status.${a.status}`)}</Tag>
              {a.status === 'published' && (
                <a href={a.public_url} target="_blank" rel="noreferrer">
                  {t('article.public')}
                </a>
              )}
            </Space>
          )
        }
      />
      {server.alert}
      <Form<Values>
        form={form}
        layout="vertical"
        key={a?.version ?? 'new'}
        initialValues={initial(a)}
        onValuesChange={server.onValuesChange}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="title"
          label={t('article.title')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="slug" label={t('article.slug')}>
          <Input />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('article.summary')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="body_md" label={t('article.body')}>
          <Input.TextArea rows={12} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Button onClick={() => render.mutate()} loading={render.isPending}>
          {t('article.preview')}
        </Button>
        {preview !== null && (
          <Card size="small" title={t('article.preview')} style={{ marginTop: 12 }}>
            {/* The server's rendering, sanitized (no raw HTML, no javascript: links). */}
            <Typography>
              <div data-testid="preview" dangerouslySetInnerHTML={{ __html: preview }} />
            </Typography>
          </Card>
        )}
        <Form.Item name="mode" label={t('article.mode')} style={{ marginTop: 16 }}>
          <Radio.Group
            options={(['draft', 'now', 'later'] as const).map((m) => ({
              value: m,
              label: t(`article.mode.${m}`),
            }))}
          />
        </Form.Item>
        {mode === 'later' && (
          <Form.Item
            name="publish_at"
            label={t('article.publishAt')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" />
          </Form.Item>
        )}
        {a ? (
          <Photos article={a} />
        ) : (
          <Typography.Paragraph>{t('article.saveFirst')}</Typography.Paragraph>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 16 }}>
          {t('article.save')}
        </Button>
      </Form>
    </Space>
  );
}
