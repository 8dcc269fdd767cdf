// A failed action's message in the user's language, and the rule that no failed action passes
// in silence. Kept apart from the dialogs: the app's frame renders MutationErrors, and its
// chunk should not carry a dialog's code.
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { ApiError } from './api';
import { useI18n } from './i18n';
import { fieldMessage } from './messages';

/**
 * A failed action never passes in silence: the error of a mutation that neither handles it
 * (onError) nor shows it where it happened (meta.showsError) is said in a message. Rendered
 * once, inside antd's App.
 */
export function MutationErrors() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const problemText = useProblemText();
  useEffect(
    () =>
      client.getMutationCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const { onError, meta } = event.mutation.options;
        if (!onError && !meta?.showsError) void message.error(problemText(event.action.error));
      }),
    [client, message, problemText],
  );
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
