// The notifications' words in English, merged into the dictionary by i18n.tsx.
// Every Vietnamese key has its English text, and no other key (checked by the compiler).
import type { notifyVI } from './words.notify.vi';

export const notifyEN: Record<keyof typeof notifyVI, string> = {
  'notify.title': 'Notifications',
  'notify.bell': 'Notifications: {n} unread',
  'notify.empty': 'No notifications yet.',
  'notify.unreadOnly': 'Show unread only',
  'notify.markRead': 'Mark read',
  'notify.markAll': 'Mark all read',
  'notify.open': 'Open',
  'notify.read': 'Read',
  'notify.unread': 'Unread',
  'notify.settings': 'What I receive',
  'notify.settingsHelp':
    'Choose which notifications you receive in the system and by e-mail. E-mail is sent only when you give an address.',
  'notify.email': 'E-mail address',
  'notify.kind': 'Kind',
  'notify.inApp': 'In the system',
  'notify.byEmail': 'By e-mail',
  'notify.saved': 'Your choices are saved.',
  'notify.kind.report_due': 'Progress report due',
  'notify.kind.deadline_passed': 'Contract deadline passed',
  'notify.kind.proposal_returned': 'Proposal returned for revision',
  'notify.kind.decision_approved': 'Decision approved',
};
