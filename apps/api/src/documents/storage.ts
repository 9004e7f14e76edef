import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, type Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { amzDate, signV4 } from './sigv4';

/**
 * Where uploaded files live. Keys are server-generated UUIDs (never a client's file name), stored
 * outside any web root. The local adapter writes under DATA_DIR/documents; an S3-compatible
 * adapter can implement the same three methods.
 */
export abstract class DocumentStorage {
  /** Moves a fully received temporary file into storage under `key`. */
  abstract put(key: string, tempFile: string): Promise<void>;
  abstract read(key: string): Promise<Readable>;
  abstract remove(key: string): Promise<void>;
  /** A private scratch path for an upload in progress. */
  abstract tempPath(name: string): Promise<string>;
}

@Injectable()
export class LocalDocumentStorage extends DocumentStorage {
  private readonly root: string;

  constructor(@InjectConfig() config: AppConfig) {
    super();
    this.root = path.join(config.storage.dataDir, 'documents');
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('invalid storage key');
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, tempFile: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await rename(tempFile, target);
  }

  async read(key: string): Promise<Readable> {
    return createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async tempPath(name: string): Promise<string> {
    const dir = path.join(this.root, 'tmp');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return path.join(dir, name);
  }
}

/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph, OSS/COS in S3 mode), path-style, signed with
 * SigV4. Uploads arrive as a finished temporary file (≤ 10 MB), sent with its SHA-256 as the signed
 * payload hash; the temporary file is removed afterwards.
 */
@Injectable()
export class S3DocumentStorage extends DocumentStorage {
  private readonly local: LocalDocumentStorage;
  private readonly s3: NonNullable<AppConfig['storage']['s3']>;

  constructor(@InjectConfig() config: AppConfig) {
    super();
    if (!config.storage.s3) throw new Error('S3 storage is not configured');
    this.s3 = config.storage.s3;
    this.local = new LocalDocumentStorage(config);
  }

  private async send(method: string, key: string, body?: Buffer): Promise<Response> {
    const url = new URL(`${this.s3.endpoint}/${this.s3.bucket}/documents/${key}`);
    const payloadHash = createHash('sha256')
      .update(body ?? Buffer.alloc(0))
      .digest('hex');
    const headers = signV4(
      {
        method,
        url,
        headers: body ? { 'content-type': 'application/octet-stream' } : {},
        payloadHash,
        amzDate: amzDate(new Date()),
      },
      { accessKeyId: this.s3.accessKeyId, secretAccessKey: this.s3.secretAccessKey, region: this.s3.region },
    );
    delete headers.host;
    return fetch(url, { method, headers, ...(body && { body }), signal: AbortSignal.timeout(30_000) });
  }

  async put(key: string, tempFile: string): Promise<void> {
    try {
      const response = await this.send('PUT', key, await readFile(tempFile));
      if (!response.ok) throw new Error(`object storage refused the upload (${response.status})`);
    } finally {
      await rm(tempFile, { force: true });
    }
  }

  async read(key: string): Promise<Readable> {
    const response = await this.send('GET', key);
    if (!response.ok || !response.body)
      throw new Error(`object storage could not return the document (${response.status})`);
    return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  }

  async remove(key: string): Promise<void> {
    const response = await this.send('DELETE', key);
    if (!response.ok && response.status !== 404)
      throw new Error(`object storage could not delete the document (${response.status})`);
  }

  tempPath(name: string): Promise<string> {
    return this.local.tempPath(name);
  }
}

export function createDocumentStorage(config: AppConfig): DocumentStorage {
  return config.storage.driver === 's3' ? new S3DocumentStorage(config) : new LocalDocumentStorage(config);
}

/**
 * Streams `source` (through the given transforms) into `file`; used by the upload path so a large
 * file never sits in memory. One pipeline, so an error of the source (a body cut short or timed
 * out) fails the write and closes the file handle instead of leaving the copy waiting forever.
 */
export async function streamToFile(streams: [Readable, ...Transform[]], file: string): Promise<void> {
  const out = createWriteStream(file, { mode: 0o600 });
  try {
    await pipeline([...streams, out]);
  } catch (error) {
    // A failed pipeline destroys the file stream, but its open() may still be in flight and create
    // the file after the caller's rm(): wait until it has closed, so the clean-up finds the file.
    if (!out.closed) await once(out, 'close');
    throw error;
  }
}
