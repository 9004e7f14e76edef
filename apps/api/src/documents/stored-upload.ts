import { createHash, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { ErrorCode, MAX_DOCUMENT_BYTES, sniffDocumentType } from '@huanxin/shared';
import { DomainError } from '../common/errors/domain-error';
import { bodyError, type IncomingFile, type UploadBody } from './multipart-upload';
import { type DocumentStorage, streamToFile } from './storage';

const SNIFF_BYTES = 64;

/** What the portal knows of a received file: its type by magic bytes, size and SHA-256. */
export interface ReceivedFile {
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * Streams an incoming file into scratch space, measuring, hashing and sniffing it on the way:
 * 413 past MAX_DOCUMENT_BYTES, 415 unless it is a PDF, JPEG, PNG or OFD by its content.
 */
export async function receiveToScratch(
  stream: Readable & { truncated?: boolean },
  temp: string,
): Promise<ReceivedFile> {
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (head.length < SNIFF_BYTES)
        head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await streamToFile([stream, meter], temp);
  } catch (error) {
    // The incoming body failed (timeout, malformed, cut short): the client's fault, not ours.
    if (stream.errored) throw bodyError(stream.errored);
    throw error;
  }
  if (stream.truncated || size > MAX_DOCUMENT_BYTES) {
    throw new DomainError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      `A document may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
    );
  }
  const contentType = sniffDocumentType(head);
  if (!contentType) {
    throw new DomainError(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      'Only PDF, JPEG, PNG and OFD files are accepted (checked by content, not by name)',
    );
  }
  return { contentType, size, sha256: hash.digest('hex') };
}

/** A file received whole and kept in storage under a server key, not yet recorded anywhere. */
export interface StoredUpload extends ReceivedFile {
  storageKey: string;
  /** Removes the stored object (the record that would have named it was refused). */
  discard(): Promise<void>;
}

/**
 * Receives the upload's file into scratch space, reads the body to its closing boundary, then moves
 * the file into storage: nothing is kept from a body that did not arrive whole. The caller records
 * it and calls `discard()` when the record is refused.
 */
export async function storeUpload(
  storage: DocumentStorage,
  file: IncomingFile,
  body: UploadBody,
): Promise<StoredUpload> {
  const storageKey = randomUUID();
  const temp = await storage.tempPath(storageKey);
  try {
    const received = await receiveToScratch(file.stream, temp);
    await body.end();
    await storage.put(storageKey, temp);
    return { ...received, storageKey, discard: () => storage.remove(storageKey) };
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
