import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../../i18n/i18n';
import { m } from '../messages';
import { type BarcodeReader, cameraAvailable, isNewScan, loadReader, signalRead } from './barcode-reader';

type CameraState = 'unsupported' | 'starting' | 'on' | 'denied';

/**
 * Reads a code: the camera through the browser's BarcodeDetector, or the ZXing polyfill on phones without one
 * (iPhone Safari, Firefox), with a beep and a buzz for each code read; and always a text field that a
 * USB/Bluetooth scanner (it types and presses Enter) or a thumb can fill.
 */
export function ScanDialog({
  open,
  onClose,
  onCode,
}: {
  open: boolean;
  onClose: () => void;
  onCode: (code: string) => void;
}) {
  const t = useT(m);
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  // The latest callback, without restarting the camera when the parent re-renders.
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  // The code last read, across openings: the bottle still in front of the camera is not scanned twice.
  const lastRead = useRef<{ code: string; at: number } | null>(null);
  const [camera, setCamera] = useState<CameraState>(() => (cameraAvailable() ? 'starting' : 'unsupported'));

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      setCode('');
      el.showModal();
    }
    if (!open && el.open) el.close();
  }, [open]);

  // Camera: started when the dialog opens, stopped when it closes (the light goes off).
  useEffect(() => {
    if (!open || !cameraAvailable()) {
      if (open) field.current?.focus();
      return;
    }
    let stream: MediaStream | null = null;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Opened by a tap: the beep may sound.
    const audio = typeof AudioContext === 'function' ? new AudioContext() : null;
    setCamera('starting');
    const scanFrame = async (reader: BarcodeReader) => {
      if (stopped || !video.current) return;
      try {
        if (video.current.readyState >= 2) {
          const found = await reader.detect(video.current);
          const value = found.find((b) => b.rawValue.trim())?.rawValue.trim();
          if (value && !stopped && isNewScan(value, lastRead.current, Date.now())) {
            lastRead.current = { code: value, at: Date.now() };
            signalRead(audio);
            onCodeRef.current(value);
            return;
          }
        }
      } catch {
        // A frame not ready yet: try the next one.
      }
      timer = setTimeout(() => void scanFrame(reader), 200);
    };
    Promise.all([
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
      loadReader(),
    ])
      .then(async ([media, reader]) => {
        if (stopped) {
          for (const track of media.getTracks()) track.stop();
          return;
        }
        stream = media;
        if (video.current) {
          video.current.srcObject = media;
          await video.current.play().catch(() => undefined);
        }
        setCamera('on');
        void scanFrame(reader);
      })
      .catch(() => {
        setCamera('denied');
        field.current?.focus();
      });
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      void audio?.close().catch(() => undefined);
    };
  }, [open]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = code.trim();
    if (value) onCode(value);
  }

  return (
    <dialog
      ref={dialog}
      className="scan-dialog"
      aria-labelledby={`${ids}-title`}
      onClose={onClose}
      onCancel={onClose}
    >
      <div className="dialog-head">
        <h2 id={`${ids}-title`}>{t('scan_title')}</h2>
        <button type="button" className="button" onClick={onClose}>
          {t('scan_close')}
        </button>
      </div>
      {camera === 'unsupported' ? (
        <p className="muted">{t('scan_no_camera')}</p>
      ) : camera === 'denied' ? (
        <p className="alert alert-warn">{t('scan_camera_denied')}</p>
      ) : (
        <div className="scan-video">
          <video ref={video} muted playsInline />
          <p className="scan-video-hint">
            {camera === 'on' ? t('scan_camera_hint') : t('scan_camera_starting')}
          </p>
        </div>
      )}
      <form className="scan-form" onSubmit={submit}>
        <label htmlFor={`${ids}-code`}>{t('scan_code_label')}</label>
        <div className="scan-input-row">
          <input
            ref={field}
            id={`${ids}-code`}
            type="text"
            inputMode="text"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="search"
            maxLength={64}
            value={code}
            aria-describedby={`${ids}-hint`}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" className="button button-primary">
            {t('scan_submit')}
          </button>
        </div>
        <p className="muted scan-hint" id={`${ids}-hint`}>
          {t('scan_code_hint')}
        </p>
      </form>
    </dialog>
  );
}
