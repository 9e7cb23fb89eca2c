/**
 * Runs `produce` for up to `limit` items at once (each on a thread of the pool) and hands each result to `consume`
 * strictly in the items' order, one at a time: the jobs store documents in the order they were listed, and their
 * progress counters and resumption (a killed job carries on after the last stored item) depend on it. At most
 * `limit` results wait in memory. A failure stops the walk; work already started is left to finish and dropped.
 */
export async function inOrder<T, R>(
  items: readonly T[],
  limit: number,
  produce: (item: T) => Promise<R>,
  consume: (item: T, result: R) => Promise<void>,
): Promise<void> {
  const running: (Promise<R> | undefined)[] = []
  let next = 0
  const startUpTo = (done: number) => {
    while (next < items.length && next - done < limit) {
      const p = produce(items[next] as T)
      p.catch(() => undefined) // awaited below, in order; never an unhandled rejection meanwhile
      running[next++] = p
    }
  }
  startUpTo(0)
  for (let i = 0; i < items.length; i++) {
    const result = await (running[i] as Promise<R>)
    running[i] = undefined
    // The next item starts on the freed thread before this one is stored.
    startUpTo(i + 1)
    await consume(items[i] as T, result)
  }
}
