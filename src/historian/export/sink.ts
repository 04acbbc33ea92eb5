/** Writing to the export's output with backpressure: wait for 'drain', stop when the reader goes away. */
import type { Writable } from 'node:stream';

/** The reader went away (a closed connection, a closed pipe) or the export was cancelled. */
export class OutputClosedError extends Error {
  constructor(message = 'the output was closed before the export finished') {
    super(message);
    this.name = 'OutputClosedError';
  }
}

/** Write a chunk; when the output's buffer is full, wait until it drains. Rejects when it closes or errors first. */
export async function writeChunk(sink: Writable, chunk: string | Buffer, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw new OutputClosedError('the export was cancelled');
  if (sink.destroyed || sink.writableEnded) throw new OutputClosedError();
  if (sink.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (err?: Error) => {
      sink.off('drain', onDrain);
      sink.off('close', onClose);
      sink.off('error', onError);
      signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new OutputClosedError());
    const onError = (e: Error) => done(e);
    const onAbort = () => done(new OutputClosedError('the export was cancelled'));
    sink.on('drain', onDrain);
    sink.on('close', onClose);
    sink.on('error', onError);
    signal?.addEventListener('abort', onAbort);
  });
}

/**
 * Remember an 'error' the output emits while the export runs (a write that returned true can
 * still fail later, e.g. a full disk): `check()` throws it at the next page.
 */
export function watchErrors(sink: Writable): { check(): void; stop(): void } {
  let failure: Error | undefined;
  const onError = (e: Error) => {
    failure ??= e;
  };
  sink.on('error', onError);
  return {
    check() {
      if (failure) throw failure;
    },
    stop() {
      sink.off('error', onError);
    },
  };
}

/** End the output and wait until everything written was handed on. */
export function endSink(sink: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (sink.writableFinished) {
      resolve();
      return;
    }
    sink.once('error', reject);
    sink.end(() => {
      sink.off('error', reject);
      resolve();
    });
  });
}
