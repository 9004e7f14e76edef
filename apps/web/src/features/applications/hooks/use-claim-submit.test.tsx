import { act, screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '@/test/api-mock';
import { jsonResponse, renderWithApp } from '@/test/render';
import { useClaimSubmit } from './use-claim-submit';

const ID = '3f6c1b9e-8a2d-4c5e-9f10-2b3c4d5e6f70';

/** The submit button and what the wizard shows while the portal is busy (as application-wizard does). */
function SubmitProbe() {
  const { t } = useTranslation('applications');
  const { onSubmit, busy, problem } = useClaimSubmit({
    applicationId: ID,
    unsaved: false,
    save: () => Promise.resolve(ID),
  });
  return (
    <div>
      <button onClick={() => void onSubmit()}>submit</button>
      {busy ? <p data-testid="busy">{t('submit.busy')}</p> : null}
      {problem ? <p data-testid="problem">{problem.code}</p> : null}
    </div>
  );
}

describe('useClaimSubmit when the portal is busy', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });

  it('tells the resident it is queueing, retries with the same key after Retry-After, then opens the claim', async () => {
    const keys: string[] = [];
    let answers = 0;
    mockApi({
      [`POST /api/applications/${ID}/submit`]: () => {
        answers += 1;
        return answers === 1
          ? jsonResponse({ error: { code: 'SERVICE_UNAVAILABLE', message: 'busy' } }, 503, {
              'Retry-After': '2',
            })
          : jsonResponse({ id: ID, status: 'submitted', reservedFen: 75_000 });
      },
    });
    const fetchMock = vi.mocked(fetch);
    const app = renderWithApp([
      { path: '/', element: <SubmitProbe /> },
      { path: '/applications/:id', element: <p>claim page</p> },
    ]);
    await act(async () => {
      screen.getByRole('button', { name: 'submit' }).click();
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(screen.getByTestId('busy').textContent).toBe('人数较多，正在排队重试…');
    expect(screen.queryByTestId('problem')).toBeNull();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3100);
    });
    expect(await screen.findByText('claim page')).toBeTruthy();
    for (const [, init] of fetchMock.mock.calls)
      keys.push((init?.headers as Record<string, string>)['Idempotency-Key'] ?? '');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(app.router.state.location.pathname).toBe(`/applications/${ID}`);
  });
});
