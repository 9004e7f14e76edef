import { lazy, Suspense, useState } from 'react';
import { Alert, Button, Space, Tooltip } from 'antd';
import {
  DownloadOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  LeftOutlined,
  RightOutlined,
  RotateRightOutlined,
  ZoomInOutlined,
  ZoomOutOutlined,
} from '@ant-design/icons';
import type { ReviewCase } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '@/components/ui/query-state';

const PdfCanvas = lazy(() => import('./pdf-canvas'));

type CaseDocument = ReviewCase['documents'][number];

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
const isPdf = (doc: CaseDocument) => doc.contentType === 'application/pdf';
const isImage = (doc: CaseDocument) => doc.contentType.startsWith('image/');

function KindIcon({ doc }: { doc: CaseDocument }) {
  if (isPdf(doc)) return <FilePdfOutlined aria-hidden />;
  if (isImage(doc)) return <FileImageOutlined aria-hidden />;
  return <FileOutlined aria-hidden />;
}

/**
 * The case's documents beside the facts: a list by kind, and the chosen one inline (PDF pages on a canvas,
 * images as images) with paging, zoom and rotation. The chosen document is the parent's (J / K move it).
 */
export function DocumentViewer({
  documents,
  index,
  onIndex,
  urlOf,
  kindTitle,
}: {
  documents: readonly CaseDocument[];
  index: number;
  onIndex: (index: number) => void;
  urlOf: (docId: string) => string;
  kindTitle: (kind: string) => string;
}) {
  const { t } = useTranslation('review');
  const doc = documents[index];
  const [view, setView] = useState({ docId: '', page: 1, pages: 1, zoom: 2, rotation: 0, failed: false });
  // A new document starts at page 1, 100 %, upright.
  const current =
    doc && view.docId === doc.id
      ? view
      : { docId: doc?.id ?? '', page: 1, pages: 1, zoom: 2, rotation: 0, failed: false };
  const update = (patch: Partial<typeof view>) => setView({ ...current, ...patch });
  const scale = ZOOMS[current.zoom] ?? 1;

  if (!doc)
    return (
      <section className="hx-viewer" aria-label={t('viewer.label')}>
        <p className="hx-note">{t('viewer.none')}</p>
      </section>
    );

  const title = kindTitle(doc.kind);
  return (
    <section className="hx-viewer" aria-label={t('viewer.label')} data-testid="document-viewer">
      <ol className="hx-viewer__list" aria-label={t('viewer.list')}>
        {documents.map((d, i) => (
          <li key={d.id}>
            <button
              type="button"
              className={`hx-viewer__doc${i === index ? ' is-current' : ''}`}
              aria-current={i === index ? 'true' : undefined}
              onClick={() => onIndex(i)}
              data-kind={d.kind}
            >
              <KindIcon doc={d} /> {kindTitle(d.kind)}
              <span className="hx-note">
                {' '}
                {t('viewer.size', { kb: Math.max(1, Math.round(d.size / 1024)) })}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <div className="hx-viewer__toolbar" role="toolbar" aria-label={t('viewer.toolbar')}>
        <Space.Compact>
          <Tooltip title={`${t('viewer.prevDoc')} (K)`}>
            <Button
              icon={<LeftOutlined aria-hidden />}
              aria-label={t('viewer.prevDoc')}
              aria-keyshortcuts="K"
              disabled={index === 0}
              onClick={() => onIndex(index - 1)}
            />
          </Tooltip>
          <span className="hx-viewer__count" aria-live="polite">
            {t('viewer.docCount', { current: index + 1, total: documents.length })}
          </span>
          <Tooltip title={`${t('viewer.nextDoc')} (J)`}>
            <Button
              icon={<RightOutlined aria-hidden />}
              aria-label={t('viewer.nextDoc')}
              aria-keyshortcuts="J"
              disabled={index >= documents.length - 1}
              onClick={() => onIndex(index + 1)}
            />
          </Tooltip>
        </Space.Compact>
        {isPdf(doc) ? (
          <Space.Compact>
            <Button
              aria-label={t('viewer.prevPage')}
              icon={<LeftOutlined aria-hidden />}
              disabled={current.page <= 1}
              onClick={() => update({ page: current.page - 1 })}
            />
            <span className="hx-viewer__count" aria-live="polite" data-testid="pdf-page">
              {t('viewer.pageCount', { current: current.page, total: current.pages })}
            </span>
            <Button
              aria-label={t('viewer.nextPage')}
              icon={<RightOutlined aria-hidden />}
              disabled={current.page >= current.pages}
              onClick={() => update({ page: current.page + 1 })}
            />
          </Space.Compact>
        ) : null}
        <Space.Compact>
          <Button
            aria-label={t('viewer.zoomOut')}
            icon={<ZoomOutOutlined aria-hidden />}
            disabled={current.zoom === 0}
            onClick={() => update({ zoom: current.zoom - 1 })}
          />
          <span className="hx-viewer__count" data-testid="zoom">
            {Math.round(scale * 100)}%
          </span>
          <Button
            aria-label={t('viewer.zoomIn')}
            icon={<ZoomInOutlined aria-hidden />}
            disabled={current.zoom === ZOOMS.length - 1}
            onClick={() => update({ zoom: current.zoom + 1 })}
          />
        </Space.Compact>
        <Button
          aria-label={t('viewer.rotate')}
          icon={<RotateRightOutlined aria-hidden />}
          onClick={() => update({ rotation: (current.rotation + 90) % 360 })}
          data-testid="rotate"
        />
        <Button
          href={urlOf(doc.id)}
          target="_blank"
          rel="noopener"
          icon={<DownloadOutlined aria-hidden />}
          aria-label={t('viewer.open', { title })}
        />
      </div>
      <div className="hx-viewer__stage" data-rotation={current.rotation}>
        {current.failed ? (
          <Alert type="warning" showIcon title={t('viewer.failed')} />
        ) : isPdf(doc) ? (
          <Suspense fallback={<LoadingState label={t('viewer.loading')} />}>
            <PdfCanvas
              key={doc.id}
              url={urlOf(doc.id)}
              page={current.page}
              scale={scale}
              rotation={current.rotation}
              label={t('viewer.pageOf', { title, page: current.page })}
              onPages={(pages) => setView((v) => ({ ...(v.docId === doc.id ? v : current), pages }))}
              onError={() => setView((v) => ({ ...(v.docId === doc.id ? v : current), failed: true }))}
            />
          </Suspense>
        ) : isImage(doc) ? (
          <img
            src={urlOf(doc.id)}
            alt={title}
            className="hx-viewer__image"
            data-testid="image-view"
            style={{ transform: `rotate(${current.rotation}deg)`, width: `${scale * 100}%` }}
            onError={() => update({ failed: true })}
          />
        ) : (
          <p className="hx-note">{t('viewer.notInline')}</p>
        )}
      </div>
    </section>
  );
}
