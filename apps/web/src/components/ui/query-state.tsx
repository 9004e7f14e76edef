import { Alert, Button, Spin } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/error-message';

/** A polite, announced loading indicator. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  const text = label ?? t('state.loading');
  return (
    <div className="hx-loading" role="status" aria-live="polite">
      <Spin aria-hidden />
      <span>{text}</span>
    </div>
  );
}

/** An error with its translated message and a retry button. */
export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? t('state.loadFailed')}
      description={errorMessage(t, error)}
      action={
        onRetry ? (
          <Button size="small" icon={<ReloadOutlined aria-hidden />} onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
