import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button } from 'antd';
import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import { normalizeVoucherCode } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { createQrDetector, type QrDetector, type QrDetectorFactory } from './qr-detector';

/** How often a frame is handed to the detector: fast enough to feel instant, light on a phone's CPU. */
const SCAN_INTERVAL_MS = 200;

export type ScannerState =
  | 'idle'
  | 'starting'
  | 'scanning'
  /** The cashier (or the browser's policy) refused the camera. */
  | 'denied'
  /** No camera, it is in use by another app, or the page is not a secure context. */
  | 'unavailable'
  /** The browser has a camera but no way to read a QR code (the detector failed to load). */
  | 'unsupported';

/** getUserMedia's refusals that mean "not allowed" rather than "no camera". */
const DENIED = new Set(['NotAllowedError', 'SecurityError', 'PermissionDeniedError']);

/**
 * The till's camera reading the voucher's QR code. Opened on a button (a phone asks for permission
 * then, not when the page loads), the rear camera by preference; every frame goes to the detector
 * until a QR code holds a valid voucher code (the check character is verified, so a stray QR code
 * of a product box is ignored with a hint). Refused permission, no camera or no detector each end
 * in a plain message: the typed code beside it is always there to fall back on.
 */
export function VoucherScanner({
  onCode,
  createDetector = createQrDetector,
}: {
  onCode: (code: string) => void;
  createDetector?: QrDetectorFactory;
}) {
  const { t } = useTranslation('dealer');
  const [state, setState] = useState<ScannerState>('idle');
  const [foreign, setForeign] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Bumped on every stop: a scan loop or a start still awaiting from before it quits.
  const run = useRef(0);

  const stop = useCallback((next: ScannerState = 'idle') => {
    run.current += 1;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    if (video.current) video.current.srcObject = null;
    setState(next);
  }, []);

  useEffect(() => () => stop(), [stop]);

  const loop = (detector: QrDetector, mine: number) => {
    timer.current = setTimeout(() => {
      void (async () => {
        if (run.current !== mine || !video.current) return;
        let values: string[] = [];
        try {
          values = (await detector.detect(video.current)).map((b) => b.rawValue);
        } catch {
          // A frame that is not ready yet (the video is still starting): try the next one.
        }
        if (run.current !== mine) return;
        const code = values.map((v) => normalizeVoucherCode(v)).find((c): c is string => c !== null);
        if (code) {
          stop();
          onCode(code);
          return;
        }
        if (values.length > 0) setForeign(true);
        loop(detector, mine);
      })();
    }, SCAN_INTERVAL_MS);
  };

  const start = async () => {
    stop('starting');
    const mine = run.current;
    setForeign(false);
    if (!navigator.mediaDevices?.getUserMedia) {
      setState('unavailable');
      return;
    }
    let media: MediaStream;
    try {
      media = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: 'environment' } },
        audio: false,
      });
    } catch (error) {
      if (run.current === mine)
        setState(error instanceof Error && DENIED.has(error.name) ? 'denied' : 'unavailable');
      return;
    }
    if (run.current !== mine) {
      media.getTracks().forEach((track) => track.stop());
      return;
    }
    stream.current = media;
    let detector: QrDetector;
    try {
      detector = await createDetector();
    } catch {
      if (run.current === mine) stop('unsupported');
      return;
    }
    if (run.current !== mine || !video.current) return;
    video.current.srcObject = media;
    try {
      await video.current.play();
    } catch {
      // Autoplay of a muted inline video is allowed everywhere we run; if not, frames still arrive.
    }
    if (run.current !== mine) return;
    setState('scanning');
    loop(detector, mine);
  };

  const live = state === 'starting' || state === 'scanning';
  return (
    <div className="hx-scanner" data-testid="voucher-scanner" data-state={state}>
      <div className={`hx-scanner__view${live ? ' is-live' : ''}`}>
        <video ref={video} muted playsInline aria-label={t('counter.scan.video')} />
        {live ? <span className="hx-scanner__frame" aria-hidden /> : null}
      </div>
      {live ? (
        <>
          <p className="hx-note" role="status">
            {state === 'starting' ? t('counter.scan.starting') : t('counter.scan.aim')}
          </p>
          {foreign ? <p className="hx-field__warning">{t('counter.scan.foreign')}</p> : null}
          <Button icon={<StopOutlined aria-hidden />} onClick={() => stop()} data-testid="scan-stop">
            {t('counter.scan.stop')}
          </Button>
        </>
      ) : (
        <Button
          type="primary"
          icon={<CameraOutlined aria-hidden />}
          onClick={() => void start()}
          data-testid="scan-start"
          block
        >
          {state === 'idle' ? t('counter.scan.start') : t('counter.scan.retry')}
        </Button>
      )}
      {state === 'denied' || state === 'unavailable' || state === 'unsupported' ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="scan-fallback"
          title={t(`counter.scan.${state}`)}
          description={t('counter.scan.typeInstead')}
        />
      ) : null}
    </div>
  );
}
