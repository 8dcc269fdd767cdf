// The bulletin's words in English, merged into the dictionary by i18n.tsx.
// Every Vietnamese key has its English text, and no other key (checked by the compiler).
import type { bulletinVI } from './words.bulletin.vi';

export const bulletinEN: Record<keyof typeof bulletinVI, string> = {
  'article.new': 'Write an article',
  'article.title': 'Title',
  'article.slug': 'Address (empty: made from the title)',
  'article.summary': 'Summary',
  'article.body': 'Body (Markdown)',
  'article.status': 'Status',
  'article.status.draft': 'Draft',
  'article.status.scheduled': 'Scheduled',
  'article.status.published': 'Published',
  'article.publishAt': 'Publication time',
  'article.mode': 'Publication',
  'article.mode.draft': 'Keep as a draft',
  'article.mode.now': 'Publish now',
  'article.mode.later': 'Schedule',
  'article.preview': 'Preview',
  'article.save': 'Save the article',
  'article.saved': 'Article saved',
  'article.updated': 'Updated',
  'article.public': 'See it on the public site',
  'article.photos': 'Photos',
  'article.photoCaption': 'Caption',
  'article.addPhoto': 'Add a photo (JPEG, PNG)',
  'article.cover': 'Cover photo',
  'article.saveFirst': 'Save the article before adding photos.',
  'article.allStatuses': 'Every status',
};
