import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { SourceError } from './source.js';

const FLUSH_AT = 256 * 1024;

/**
 * Lines written to a file in large pieces, waiting when the disk falls behind so memory stays
 * flat however big the source is, and refusing to grow past a limit (an inflated zip bomb or a
 * runaway conversion must not fill the disk).
 */
export class LineWriter {
  private readonly out: WriteStream;
  private buffer = '';
  private bytes = 0;
  private failed: Error | null = null;

  constructor(
    readonly file: string,
    private readonly maxBytes: number,
    private readonly tooBig: string,
  ) {
    this.out = createWriteStream(file);
    this.out.on('error', (err) => (this.failed = err));
  }

  async write(line: string): Promise<void> {
    this.buffer += line + '\n';
    if (this.buffer.length >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    const piece = this.buffer;
    this.buffer = '';
    this.bytes += Buffer.byteLength(piece);
    if (this.bytes > this.maxBytes) throw new SourceError(this.tooBig);
    if (!this.out.write(piece)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    if (!this.out.writableFinished) await once(this.out, 'finish');
    if (this.failed) throw this.failed;
  }

  /** Closes the file after a failure, without waiting for the rest to be written. */
  abort(): void {
    this.out.destroy();
  }
}
