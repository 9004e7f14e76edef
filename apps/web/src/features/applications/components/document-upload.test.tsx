import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MAX_DOCUMENT_BYTES, type DocumentRequirement } from '@huanxin/shared';
import { ApiError } from '@/lib/api-client';
import { renderWithApp } from '@/test/render';
import { uploadDocument } from '../api/upload-document';
import { uploadErrorKey } from '../lib/upload-error';
import { DocumentItem } from './document-upload';

/** A scripted XMLHttpRequest: the test reports progress and answers. */
class FakeXhr {
  static last: FakeXhr | undefined;
  static all: FakeXhr[] = [];
  method = '';
  url = '';
  status = 0;
  responseText = '';
  withCredentials = false;
  headers: Record<string, string> = {};
  body: FormData | undefined;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } =
    { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
    FakeXhr.all.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  responseHeaders: Record<string, string> = {};
  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }
  send(body: FormData) {
    this.body = body;
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
  fail() {
    this.onerror?.();
  }
}

const ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const requirement: DocumentRequirement = {
  kind: 'scrap_certificate',
  title: { zh: '《报废机动车回收证明》', en: 'Scrap certificate' },
  required: true,
};
const pdf = () => new File(['%PDF-1.4\n%%EOF\n'], 'scrap.pdf', { type: 'application/pdf' });

beforeEach(() => {
  FakeXhr.all = [];
  FakeXhr.last = undefined;
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function current(): FakeXhr {
  if (!FakeXhr.last) throw new Error('no upload started');
  return FakeXhr.last;
}

describe('uploadDocument', () => {
  it('sends kind before file as multipart, reports progress, resolves with the document', async () => {
    const progress: number[] = [];
    const promise = uploadDocument({
      applicationId: ID,
      kind: 'id_card',
      file: pdf(),
      onProgress: (p) => progress.push(p),
    });
    const xhr = current();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe(`/api/applications/${ID}/documents`);
    expect([...(xhr.body?.keys() ?? [])]).toEqual(['kind', 'file']);
    expect(xhr.body?.get('kind')).toBe('id_card');
    xhr.progress(25, 100);
    xhr.progress(100, 100);
    xhr.respond(201, { id: 'd1', kind: 'id_card', contentType: 'application/pdf', size: 15, sha256: 'x' });
    await expect(promise).resolves.toMatchObject({ id: 'd1', kind: 'id_card' });
    expect(progress).toEqual([25, 100]);
  });

  it('turns 413, 415, 422 and a lost connection into ApiErrors with their codes', async () => {
    const answers: Array<[number, unknown]> = [
      [413, { error: { code: 'PAYLOAD_TOO_LARGE', message: 'big' } }],
      [415, { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'type' } }],
      [
        422,
        { error: { code: 'VALIDATION_FAILED', message: 'kind', fields: { kind: 'UNKNOWN_DOCUMENT_KIND' } } },
      ],
      [502, '<html>bad gateway</html>'],
    ];
    const errors: unknown[] = [];
    for (const [status, body] of answers) {
      const promise = uploadDocument({ applicationId: ID, kind: 'id_card', file: pdf() }).catch(
        (e: unknown) => e,
      );
      current().respond(status, body);
      errors.push(await promise);
    }
    const lost = uploadDocument({ applicationId: ID, kind: 'id_card', file: pdf() }).catch((e: unknown) => e);
    current().fail();
    errors.push(await lost);
    expect(errors.map((e) => (e instanceof ApiError ? [e.status, e.code] : e))).toEqual([
      [413, 'PAYLOAD_TOO_LARGE'],
      [415, 'UNSUPPORTED_MEDIA_TYPE'],
      [422, 'VALIDATION_FAILED'],
      [502, 'SERVER_ERROR'],
      [0, 'NETWORK_ERROR'],
    ]);
    expect(errors.map(uploadErrorKey)).toEqual([
      'TOO_LARGE',
      'UNSUPPORTED_TYPE',
      'KIND',
      'GENERIC',
      'NETWORK',
    ]);
  });
});

describe('<DocumentItem>', () => {
  function choose(file: File) {
    const input = document.querySelector<HTMLInputElement>('input[type=file]');
    if (!input) throw new Error('no file input');
    fireEvent.change(input, { target: { files: [file] } });
  }

  it('shows the progress bar, then success; a PDF previews as an icon and its name', async () => {
    renderWithApp(<DocumentItem applicationId={ID} requirement={requirement} uploaded={[]} />);
    expect(screen.getByText('必需')).toBeTruthy();
    choose(pdf());
    const item = document.querySelector<HTMLElement>('[data-kind="scrap_certificate"]') as HTMLElement;
    expect(within(item).getByTestId('doc-preview').textContent).toContain('scrap.pdf');
    expect(item.querySelector('img')).toBeNull();
    act(() => current().progress(40, 100));
    expect(within(item).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
    await act(async () =>
      current().respond(201, {
        id: 'd1',
        kind: 'scrap_certificate',
        contentType: 'application/pdf',
        size: 15,
        sha256: 'x',
      }),
    );
    expect(await within(item).findByText('上传成功')).toBeTruthy();
    expect(within(item).queryByRole('progressbar')).toBeNull();
  });

  it('an image previews as a thumbnail from an object URL, released when replaced', async () => {
    const created: string[] = [];
    const revoked: string[] = [];
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${created.length}-${(blob as File).name}`;
      created.push(url);
      return url;
    };
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    onTestFinished(() => {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    });
    renderWithApp(<DocumentItem applicationId={ID} requirement={requirement} uploaded={[]} />);
    choose(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'photo.png', { type: 'image/png' }));
    await waitFor(() =>
      expect(document.querySelector('.hx-doc__thumb')?.getAttribute('src')).toBe('blob:test/0-photo.png'),
    );
    await act(async () =>
      current().respond(201, {
        id: 'd1',
        kind: 'scrap_certificate',
        contentType: 'image/png',
        size: 4,
        sha256: 'x',
      }),
    );
    choose(pdf());
    expect(revoked).toEqual(['blob:test/0-photo.png']);
    expect(document.querySelector('.hx-doc__thumb')).toBeNull();
  });

  it('translates 415 on the item (no retry: the same file would fail again)', async () => {
    renderWithApp(<DocumentItem applicationId={ID} requirement={requirement} uploaded={[]} />);
    choose(pdf());
    await act(async () =>
      current().respond(415, { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'no' } }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('文件格式不支持，请上传 PDF、JPG、PNG 或 OFD 文件。');
    expect(within(alert).queryByRole('button', { name: /重试/ })).toBeNull();
  });

  it('refuses a file over 10 MB before sending it', async () => {
    renderWithApp(<DocumentItem applicationId={ID} requirement={requirement} uploaded={[]} />);
    const big = new File([new Uint8Array(8)], 'huge.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: MAX_DOCUMENT_BYTES + 1 });
    choose(big);
    expect((await screen.findByRole('alert')).textContent).toContain('文件超过 10 MB');
    expect(FakeXhr.all).toHaveLength(0);
  });

  it('after a lost connection, retry sends the same file again', async () => {
    renderWithApp(<DocumentItem applicationId={ID} requirement={requirement} uploaded={[]} />, {
      language: 'en',
    });
    choose(pdf());
    await act(async () => current().fail());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The connection dropped');
    fireEvent.click(within(alert).getByRole('button', { name: /Retry/ }));
    expect(FakeXhr.all).toHaveLength(2);
    expect((FakeXhr.all[1]?.body?.get('file') as File).name).toBe('scrap.pdf');
    await act(async () =>
      current().respond(201, {
        id: 'd2',
        kind: 'scrap_certificate',
        contentType: 'application/pdf',
        size: 15,
        sha256: 'x',
      }),
    );
    expect(await screen.findByText('Uploaded')).toBeTruthy();
  });
});
