/**
 * `COPY ... FROM STDIN` through node-postgres without pg-copy-streams: a Submittable that sends
 * the statement, answers the server's CopyInResponse with the data (waiting for the socket to
 * drain between chunks) and settles when the server reports the outcome.
 */
import type { Client, Connection, Submittable } from 'pg';

/** The parts of pg's Connection a COPY needs (present at run time, missing from @types/pg). */
interface CopyConnection extends Connection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

class CopyIn implements Submittable {
  readonly done: Promise<void>;
  readonly #sql: string;
  readonly #chunks: readonly Buffer[];
  #resolve!: () => void;
  #reject!: (e: unknown) => void;
  #settled = false;

  constructor(sql: string, chunks: readonly Buffer[]) {
    this.#sql = sql;
    this.#chunks = chunks;
    this.done = new Promise<void>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  submit(connection: Connection): void {
    connection.query(this.#sql);
  }

  handleCopyInResponse(connection: Connection): void {
    this.#send(connection as CopyConnection).catch((e: unknown) => {
      (connection as CopyConnection).sendCopyFail(e instanceof Error ? e.message : String(e));
    });
  }

  async #send(c: CopyConnection): Promise<void> {
    for (const chunk of this.#chunks) {
      c.sendCopyFromChunk(chunk);
      if (c.stream.writableNeedDrain) await new Promise<void>((r) => c.stream.once('drain', r));
    }
    c.endCopyFrom();
  }

  // The server answers CommandComplete, then ReadyForQuery (success), or ErrorResponse.
  handleCommandComplete(): void {}
  handleReadyForQuery(): void {
    this.#settle();
  }
  handleError(err: unknown): void {
    this.#settle(err);
  }
  handleEmptyQuery(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleCopyData(): void {}
  handlePortalSuspended(): void {}

  #settle(err?: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    if (err === undefined) this.#resolve();
    else this.#reject(err);
  }
}

/** Run `COPY ... FROM STDIN` on `client`, sending `chunks` as its data; resolves when the server accepted it. */
export function copyIn(client: Client, sql: string, chunks: readonly Buffer[]): Promise<void> {
  return client.query(new CopyIn(sql, chunks)).done;
}
