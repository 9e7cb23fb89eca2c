import { describe, expect, it } from 'vitest'
import { inOrder } from './in-order.js'

/** A promise settled from outside, to finish work in any order a test wants. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: Error) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

describe('documents read side by side are stored in the order they were listed', () => {
  it('stores results in order even when later documents finish first, with at most `limit` being read', async () => {
    const work = [0, 1, 2, 3, 4].map(() => deferred<string>())
    let reading = 0
    let most = 0
    const stored: string[] = []
    const walk = inOrder(
      [0, 1, 2, 3, 4],
      2,
      async (i) => {
        most = Math.max(most, ++reading)
        try {
          return await work[i]!.promise
        } finally {
          reading--
        }
      },
      async (i, result) => void stored.push(`${i}:${result}`),
    )
    // The second document finishes before the first; the rest in reverse.
    work[1]!.resolve('b')
    await Promise.resolve()
    expect(stored).toEqual([])
    work[0]!.resolve('a')
    for (const i of [4, 3, 2]) work[i]!.resolve(String.fromCharCode(97 + i))
    await walk
    expect(stored).toEqual(['0:a', '1:b', '2:c', '3:d', '4:e'])
    expect(most).toBeLessThanOrEqual(2)
  })

  it('a document that fails stops the walk before anything after it is stored', async () => {
    const stored: number[] = []
    const walk = inOrder(
      [0, 1, 2],
      2,
      async (i) => {
        if (i === 1) throw new Error('unreadable')
        return i
      },
      async (i) => void stored.push(i),
    )
    await expect(walk).rejects.toThrow('unreadable')
    expect(stored).toEqual([0])
  })
})
