import { useEffect, useRef, useState } from 'react';
import { Alert, Button } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/ui/link-button';
import { safeNext } from '@/features/auth/lib/sign-in-paths';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { useProfile } from '@/features/profile/api/get-profile';
import { ProfileForm } from '@/features/profile/components/profile-form';
import { ProfileView } from '@/features/profile/components/profile-view';

/** `/me/profile`: the masked real-name details, or the form (first time, or "edit"). */
export function ProfilePage() {
  const { t } = useTranslation('profile');
  const profile = useProfile();
  // Sent here from a page that needs the profile (e.g. submitting an application): offer the way back.
  const [search] = useSearchParams();
  const next = safeNext(search.get('next'), 'resident');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  // The form was long: after saving, bring the confirmation (and the masked values under it) into view.
  useEffect(() => {
    if (!saved || !savedRef.current) return;
    savedRef.current.focus();
    savedRef.current.scrollIntoView?.({ block: 'start' });
  }, [saved]);

  let body;
  if (profile.isPending) body = <LoadingState />;
  else if (profile.isError)
    body = <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  else if (!profile.data || editing) {
    body = (
      <>
        {!profile.data ? (
          <Alert
            className="hx-gap"
            type="info"
            showIcon
            title={t('missing.title')}
            description={t('missing.description')}
          />
        ) : null}
        <ProfileForm
          current={profile.data}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
          {...(profile.data ? { onCancel: () => setEditing(false) } : {})}
        />
      </>
    );
  } else {
    body = (
      <>
        {saved ? (
          <div ref={savedRef} tabIndex={-1} className="hx-focus-target">
            <Alert className="hx-gap" type="success" showIcon role="status" title={t('view.saved')} />
            {next ? (
              <p className="hx-gap">
                <LinkButton to={next} size="large">
                  {t('view.continue')}
                </LinkButton>
              </p>
            ) : null}
          </div>
        ) : null}
        <ProfileView profile={profile.data} />
        <Button
          size="large"
          icon={<EditOutlined aria-hidden />}
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          {t('view.edit')}
        </Button>
      </>
    );
  }

  return (
    <div className="hx-page hx-profile">
      <PageTitle title={t('title')} />
      <h1 className="hx-page__title">{t('title')}</h1>
      <p className="hx-lead">{t('lead')}</p>
      {body}
    </div>
  );
}
