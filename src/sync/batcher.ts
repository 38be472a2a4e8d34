/**
 * Gathers items streamed one at a time into batches of `size` and hands each full batch, with its
 * number (0, 1, ...), to `flush`; `drain` hands over the last, partial one. The numbers depend only
 * on the order of the items, so a resumed run numbers its batches as the killed one did.
 */
export class Batcher<T> {
  private items: T[] = [];
  private batches = 0;

  constructor(private readonly size: number, private readonly flush: (items: T[], batch: number) => Promise<void>) {}

  async push(item: T): Promise<void> {
    this.items.push(item);
    if (this.items.length >= this.size) await this.drain();
  }

  async drain(): Promise<void> {
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    await this.flush(items, this.batches++);
  }
}
