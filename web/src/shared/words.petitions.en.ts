// The petitions' words in English, merged into the dictionary by i18n.tsx.
// Every Vietnamese key has its English text, and no other key (checked by the compiler).
import type { petitionsVI } from './words.petitions.vi';

export const petitionsEN: Record<keyof typeof petitionsVI, string> = {
  'nav.petitions': 'Petitions',
  'petition.new': 'File a petition',
  'petition.title': 'Title',
  'petition.body': 'Petition',
  'petition.province': 'Locality',
  'petition.status': 'Status',
  'petition.status.submitted': 'New',
  'petition.status.assigned': 'In hand',
  'petition.status.answered': 'Answered',
  'petition.status.open': 'Not answered',
  'petition.filedOn': 'Filed on',
  'petition.dueOn': 'Answer due',
  'petition.overdue': 'Overdue',
  'petition.onlyOverdue': 'Overdue only',
  'petition.assignee': 'Officer',
  'petition.assignToMe': 'Take it',
  'petition.answer': 'Answer',
  'petition.answerText': 'Answer',
  'petition.answeredOn': 'Answered on',
  'petition.publish': 'Publish the answer on the bulletin',
  'petition.published': 'Published',
  'petition.allStatuses': 'Every status',
};
