import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

describe('the PDF engine', () => {
  it('survives garbage collection after reading a page painted with a shading (the leak corpus crash in CI)', () => {
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'test/fixtures/disclosure/shading-gc.ts'],
      { encoding: 'utf8', timeout: 60_000 },
    )
    expect(child.stderr).not.toMatch(/invalid file handle/)
    expect(child.stdout).toBe('survived\n')
    expect(child.status).toBe(0)
  })
})
