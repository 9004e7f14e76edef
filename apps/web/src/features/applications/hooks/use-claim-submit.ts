import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { submitProblem } from '../lib/submit-problem';
import { useSubmitWithKey } from './use-submit';

/**
 * "Submit": answers changed since the last save are saved first, then the claim is submitted once (a double
 * tap sends one request) with its Idempotency-Key; success opens the application's page. A busy portal
 * (503/429) is waited out with the same key (`busy` is set meanwhile, to tell the resident), not shown as a
 * failure.
 */
export function useClaimSubmit({
  applicationId,
  unsaved,
  save,
}: {
  applicationId: string | undefined;
  unsaved: boolean;
  save: () => Promise<string | undefined>;
}) {
  const navigate = useNavigate();
  const submit = useSubmitWithKey(applicationId);
  const submitting = useRef(false);

  const onSubmit = async () => {
    if (submitting.current) return; // a double tap
    submitting.current = true;
    try {
      // Answers changed since the last save (e.g. "change", then back without "save and continue"): save them first.
      if (unsaved && !(await save())) return;
      const result = await submit.submit();
      if (result && applicationId) void navigate(`/applications/${applicationId}?submitted=1`);
    } finally {
      submitting.current = false;
    }
  };

  return { onSubmit, submit, busy: submit.busy, problem: submitProblem(submit.error) };
}
