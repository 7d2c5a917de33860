import { Transform, type TransformCallback } from 'node:stream';

/**
 * The zip comes out in hundreds of small pieces (4 bytes to 32 KB); each would be one socket write with
 * its chunked-encoding frame. Gathering them into ~64 KB writes cuts syscalls ~10× (measured in the bench).
 */
export class ChunkCoalescer extends Transform {
  private parts: Buffer[] = [];
  private size = 0;

  constructor(private readonly target = 64 * 1024) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.parts.push(chunk);
    this.size += chunk.length;
    if (this.size >= this.target) this.release();
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.size > 0) this.release();
    callback();
  }

  private release(): void {
    this.push(Buffer.concat(this.parts, this.size));
    this.parts = [];
    this.size = 0;
  }
}
