// The first few of many in a given order, for a page of results: a bounded heap keeps the best
// `k` seen so far, so picking the first 20 of 25,000 matches costs about one comparison each
// instead of sorting them all.

type Compare = (a: number, b: number) => number;

function siftDown(heap: number[], cmp: Compare) {
  const n = heap.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) return;
    const r = l + 1;
    // The root holds the worst kept: the children's worse one moves up.
    const c = r < n && cmp(heap[r] ?? 0, heap[l] ?? 0) > 0 ? r : l;
    if (cmp(heap[c] ?? 0, heap[i] ?? 0) <= 0) return;
    [heap[i], heap[c]] = [heap[c] ?? 0, heap[i] ?? 0];
    i = c;
  }
}

function siftUp(heap: number[], cmp: Compare) {
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (cmp(heap[i] ?? 0, heap[parent] ?? 0) <= 0) return;
    [heap[i], heap[parent]] = [heap[parent] ?? 0, heap[i] ?? 0];
    i = parent;
  }
}

/** The first `k` of `items` in `cmp` order (a total order), sorted. */
export function firstInOrder(items: readonly number[], k: number, cmp: Compare): number[] {
  if (k <= 0) return [];
  const heap: number[] = [];
  for (const x of items) {
    if (heap.length < k) {
      heap.push(x);
      siftUp(heap, cmp);
    } else if (cmp(x, heap[0] ?? 0) < 0) {
      heap[0] = x;
      siftDown(heap, cmp);
    }
  }
  return heap.sort(cmp);
}
