import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterIssue } from '../../../../shared/register';

/** A register problem in the user's language; the core's English message where the catalogue has none. */
export function useIssueText(): (issue: RegisterIssue) => string {
  const { t } = useTranslation();
  return useCallback((issue: RegisterIssue) => t(`issue.${issue.code}`, { defaultValue: issue.message }), [t]);
}
