import { useEffect, useId, useRef, useState } from 'react';
import { Button, Progress, Tag } from 'antd';
import {
  CheckCircleFilled,
  FileOutlined,
  FilePdfOutlined,
  ReloadOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { DOCUMENT_TYPES, type DocumentRequirement } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';
import { localized } from '@/lib/i18n';
import type { ApplicationDocument } from '@huanxin/shared';
import { useUploadDocument } from '../api/upload-document';
import { tooLarge, uploadErrorKey } from '../lib/upload-error';

type ItemState =
  | { phase: 'idle' }
  | { phase: 'uploading'; percent: number }
  | { phase: 'done' }
  | { phase: 'failed'; errorKey: string };

const ACCEPT = [...DOCUMENT_TYPES, '.pdf', '.jpg', '.jpeg', '.png', '.ofd'].join(',');

const isImageFile = (file: File) => file.type === 'image/png' || file.type === 'image/jpeg';

/** A local preview of the chosen file: an image thumbnail (object URL), or an icon and the name. */
function FilePreview({ file, url }: { file: File; url: string | null }) {
  return (
    <span className="hx-doc__preview" data-testid="doc-preview">
      {url ? (
        <img src={url} alt="" className="hx-doc__thumb" />
      ) : file.type === 'application/pdf' || /\.pdf$/i.test(file.name) ? (
        <FilePdfOutlined aria-hidden className="hx-doc__icon" />
      ) : (
        <FileOutlined aria-hidden className="hx-doc__icon" />
      )}
      <span className="hx-doc__name">{file.name}</span>
    </span>
  );
}

export interface DocumentItemProps {
  applicationId: string;
  requirement: DocumentRequirement;
  uploaded: ApplicationDocument[];
  /** The server said this required document is missing (422 MISSING_DOCUMENTS). */
  missing?: boolean;
  /** The reviewer returned the claim asking for this document again. */
  toFix?: boolean;
  disabled?: boolean;
}

/** One document kind: choose a file, watch it upload, retry on failure. */
export function DocumentItem({
  applicationId,
  requirement,
  uploaded,
  missing,
  toFix,
  disabled,
}: DocumentItemProps) {
  const { t, i18n } = useTranslation('applications');
  const upload = useUploadDocument();
  const inputId = `doc-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [file, setFile] = useState<File | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const urlRef = useRef<string | null>(null);
  useEffect(() => {
    const ref = urlRef;
    return () => {
      if (ref.current) URL.revokeObjectURL(ref.current);
    };
  }, []);
  const [state, setState] = useState<ItemState>({ phase: 'idle' });
  const title = localized(requirement.title, i18n.language);

  const choose = (chosen: File) => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current =
      isImageFile(chosen) && typeof URL.createObjectURL === 'function' ? URL.createObjectURL(chosen) : null;
    setPreviewUrl(urlRef.current);
    setFile(chosen);
    void start(chosen);
  };

  const start = async (chosen: File) => {
    if (tooLarge(chosen)) {
      setState({
        phase: 'failed',
        errorKey: uploadErrorKey(new ApiError(413, 'PAYLOAD_TOO_LARGE', 'too large')),
      });
      return;
    }
    setState({ phase: 'uploading', percent: 0 });
    try {
      await upload({
        applicationId,
        kind: requirement.kind,
        file: chosen,
        fileName: chosen.name,
        onProgress: (percent) => setState({ phase: 'uploading', percent }),
      });
      setState({ phase: 'done' });
    } catch (error) {
      setState({ phase: 'failed', errorKey: uploadErrorKey(error) });
    }
  };

  const has = uploaded.length > 0;
  const errorId = `${inputId}-error`;
  // Asked for again by the reviewer: flagged until a new file is uploaded here.
  const flagged = Boolean(toFix) && state.phase !== 'done';
  return (
    <li
      className={`hx-doc${missing && !has ? ' is-missing' : ''}${state.phase === 'failed' ? ' has-error' : ''}${flagged ? ' is-to-fix' : ''}`}
      data-kind={requirement.kind}
      data-to-fix={flagged || undefined}
    >
      <div className="hx-doc__head">
        <span className="hx-doc__title" id={`${inputId}-title`}>
          {title}
        </span>
        <Tag color={requirement.required ? 'red' : 'default'}>
          {requirement.required ? t('documents.required') : t('documents.optional')}
        </Tag>
        {has ? (
          <span className="hx-doc__ok" data-testid="doc-uploaded">
            <CheckCircleFilled aria-hidden /> {t('documents.uploaded', { count: uploaded.length })}
          </span>
        ) : null}
      </div>
      {flagged ? (
        <p className="hx-doc__to-fix" id={`${inputId}-fix`}>
          {t('correction.fixDocument')}
        </p>
      ) : null}
      <input
        id={inputId}
        type="file"
        accept={ACCEPT}
        className="hx-doc__input hx-visually-hidden"
        disabled={disabled || state.phase === 'uploading'}
        aria-invalid={state.phase === 'failed' || (missing && !has) ? true : undefined}
        aria-describedby={
          state.phase === 'failed' || (missing && !has) ? errorId : flagged ? `${inputId}-fix` : undefined
        }
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          event.target.value = '';
          if (chosen) choose(chosen);
        }}
      />
      <label htmlFor={inputId} className="hx-doc__choose">
        <UploadOutlined aria-hidden /> {has ? t('documents.replace') : t('documents.choose')}
        <span className="hx-visually-hidden">{title}</span>
      </label>
      {file ? <FilePreview file={file} url={previewUrl} /> : null}
      {state.phase === 'uploading' ? (
        <Progress percent={state.percent} size="small" aria-label={t('documents.progress', { title })} />
      ) : null}
      {state.phase === 'done' ? (
        <p className="hx-doc__done" role="status">
          {t('documents.done')}
        </p>
      ) : null}
      {state.phase === 'failed' ? (
        <div className="hx-doc__error" id={errorId} role="alert">
          <span>{t(`upload.error.${state.errorKey}`)}</span>
          {file && state.errorKey !== 'TOO_LARGE' && state.errorKey !== 'UNSUPPORTED_TYPE' ? (
            <Button size="small" icon={<ReloadOutlined aria-hidden />} onClick={() => void start(file)}>
              {t('documents.retry')}
            </Button>
          ) : null}
        </div>
      ) : missing && !has ? (
        <p className="hx-doc__error" id={errorId} role="alert">
          {t('documents.missing')}
        </p>
      ) : null}
    </li>
  );
}

export function DocumentList({
  applicationId,
  requirements,
  documents,
  missingKinds = [],
  toFixKinds,
  disabled,
}: {
  applicationId: string;
  requirements: DocumentRequirement[];
  documents: ApplicationDocument[];
  missingKinds?: string[];
  /** Kinds a returned claim must upload again. */
  toFixKinds?: ReadonlySet<string>;
  disabled?: boolean;
}) {
  return (
    <ul className="hx-docs">
      {requirements.map((req) => (
        <DocumentItem
          key={req.kind}
          applicationId={applicationId}
          requirement={req}
          uploaded={documents.filter((d) => d.kind === req.kind)}
          missing={missingKinds.includes(req.kind)}
          toFix={toFixKinds?.has(req.kind) ?? false}
          {...(disabled ? { disabled } : {})}
        />
      ))}
    </ul>
  );
}
