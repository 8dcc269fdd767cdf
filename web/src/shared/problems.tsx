// A failed request's message in the user's language, and the rule that no failure passes in
// silence. Kept apart from the dialogs: the app's frame renders FailureMessages, and its chunk
// should not carry a dialog's code.
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { ApiError } from './api';
import { useI18n } from './i18n';
import { fieldMessage } from './messages';

/** The `meta` of a query or mutation whose screen shows its failure itself. */
export const SHOWN_HERE = { showsError: true };

/** Whether a request failed for want of a usable answer (the line down, the server busy or
 * failing) rather than by a refusal the screen itself explains (a 4xx). */
export function unanswered(e: unknown): boolean {
  const status = e instanceof ApiError ? e.problem.status : 0;
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/**
 * No failure passes in silence. The error of an action (mutation) that neither handles it
 * (onError) nor shows it where it happened (meta.showsError) is said in a message; so is a
 * read (query) on screen that got no usable answer — else a list would say "nothing matches"
 * when the line is down — unless its screen shows it (meta.showsError). Rendered once, inside
 * antd's App; a read's message replaces the one before, so a dead line says it once.
 */
export function FailureMessages() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const problemText = useProblemText();
  useEffect(() => {
    const actions = client.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      const { onError, meta } = event.mutation.options;
      if (!onError && !meta?.showsError) void message.error(problemText(event.action.error));
    });
    const reads = client.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      const { query } = event;
      if (query.meta?.showsError || query.getObserversCount() === 0) return;
      if (unanswered(event.action.error))
        void message.error({ content: problemText(event.action.error), key: 'read-failed' });
    });
    return () => {
      actions();
      reads();
    };
  }, [client, message, problemText]);
  return null;
}

/** The text for a failed request: the conflict's own words when the server names it. */
export function useProblemText() {
  const { t, lang } = useI18n();
  return (e: unknown) => {
    if (!(e instanceof ApiError)) return String(e);
    const p = e.problem;
    if (p.code) return t(`problem.${p.code}`);
    if (p.errors?.[0]) return fieldMessage(p.errors[0], lang);
    // The server's own detail is English: a busy or failing server is said in the user's words.
    if (p.status === 503 || p.status === 429) return t('problem.busy');
    if (p.status >= 500) return t('problem.server');
    return p.detail || p.title;
  };
}
