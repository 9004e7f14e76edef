import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';

/**
 * Where uploaded files live. Keys are server-generated UUIDs (never a client's file name), stored
 * outside any web root. The local adapter writes under DATA_DIR/documents; an S3-compatible
 * adapter can implement the same three methods.
 */
export abstract class DocumentStorage {
  /** Moves a fully received temporary file into storage under `key`. */
  abstract put(key: string, tempFile: string): Promise<void>;
  abstract read(key: string): Readable;
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

  read(key: string): Readable {
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

/** Streams `source` into `file`; used by the upload path so a large file never sits in memory. */
export async function streamToFile(source: Readable, file: string): Promise<void> {
  await pipeline(source, createWriteStream(file, { mode: 0o600 }));
}
