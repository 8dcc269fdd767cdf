// The user's notifications (newest first, unread marked) and what they choose to receive, in
// the system and by e-mail, per kind.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { SHOWN_HERE, useProblemText } from '../../shared/problems';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { PageHeading } from '../../shared/page';
import type { Notification } from '../../shared/types';
import { NotificationChoices } from './NotificationChoices';

const KIND_COLOR: Record<string, string> = {
  report_due: 'gold',
  deadline_passed: 'red',
  proposal_returned: 'orange',
  decision_approved: 'green',
};

export function NotificationsPage() {
  const { t } = useI18n();
  const problemText = useProblemText();
  const client = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useQuery({
    queryKey: ['notifications', unreadOnly ? 'unread' : 'all'],
    queryFn: () => api.notifications(unreadOnly),
  });
  const done = () => client.invalidateQueries({ queryKey: ['notifications'] });
  // Their failure shows above the list (`failure`).
  const markOne = useMutation({ mutationFn: api.markRead, onSuccess: done, meta: SHOWN_HERE });
  const markAll = useMutation({ mutationFn: api.markAllRead, onSuccess: done, meta: SHOWN_HERE });
  const failure = markOne.error ?? markAll.error;
  const item = (n: Notification) => (
    <List.Item
      className={n.read ? undefined : 'notification-unread'}
      actions={[
        <Link key="open" to={n.link} onClick={() => !n.read && markOne.mutate(n.id)}>
          {t('notify.open')}
        </Link>,
        ...(n.read
          ? []
          : [
              <Button key="read" size="small" onClick={() => markOne.mutate(n.id)}>
                {t('notify.markRead')}
              </Button>,
            ]),
      ]}
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <Tag color={KIND_COLOR[n.kind]}>{t(`notify.kind.${n.kind}`)}</Tag>
            <Typography.Text strong={!n.read}>{n.subject}</Typography.Text>
            {!n.read && <Tag>{t('notify.unread')}</Tag>}
          </Space>
        }
        description={
          <>
            <Typography.Paragraph className="notification-body">{n.body}</Typography.Paragraph>
            <Typography.Text type="secondary">{formatDateTime(n.created_at)}</Typography.Text>
          </>
        }
      />
    </List.Item>
  );
  return (
    <>
      <PageHeading
        title={t('notify.title')}
        actions={
          <Button
            disabled={!list.data?.unread}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('notify.markAll')}
          </Button>
        }
      />
      {failure && <Typography.Text type="danger">{problemText(failure)}</Typography.Text>}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <Space style={{ marginBottom: 12 }}>
            <Switch
              checked={unreadOnly}
              onChange={setUnreadOnly}
              aria-label={t('notify.unreadOnly')}
            />
            <Typography.Text>{t('notify.unreadOnly')}</Typography.Text>
          </Space>
          <List
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            renderItem={item}
            locale={{
              emptyText: (
                <Typography.Text className="empty-text">{t('notify.empty')}</Typography.Text>
              ),
            }}
          />
        </Card>
        <NotificationChoices />
      </Space>
    </>
  );
}
