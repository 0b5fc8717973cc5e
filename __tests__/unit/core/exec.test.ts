import { describe, expect, it, jest } from '@jest/globals'
import { exec, execOrThrow, lastErrorLine } from '../../../src/core/exec'
import { maskSecret, redact } from '../../../src/core/secrets'

const node = process.execPath

describe('exec', () => {
  it('passes argv verbatim, with no shell in between', async () => {
    const result = await exec(
      node,
      ['-e', 'console.log(JSON.stringify(process.argv.slice(1)))', '$(whoami)', 'a b;c'],
      {
        stream: false
      }
    )
    expect(JSON.parse(result.stdout)).toEqual(['$(whoami)', 'a b;c'])
  })

  it('feeds stdin and captures both streams and the exit code', async () => {
    const result = await exec(
      node,
      ['-e', 'process.stdin.pipe(process.stdout); console.error("warn"); process.exitCode = 3'],
      {
        input: 'from-stdin',
        stream: false
      }
    )
    expect(result).toEqual(
      expect.objectContaining({ exitCode: 3, stdout: 'from-stdin', stderr: 'warn\n' })
    )
  })

  it('throws one line from the failing tool', async () => {
    await expect(
      execOrThrow(
        node,
        ['-e', 'console.error("step 1 ok\\nError: the real cause\\nexiting"); process.exit(2)'],
        { stream: false }
      )
    ).rejects.toThrow('node failed (exit 2): Error: the real cause')
  })

  it('kills a tool that outlives its timeout', async () => {
    await expect(
      exec(node, ['-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 300, stream: false })
    ).rejects.toThrow('timed out')
  })

  it('reports a missing tool clearly', async () => {
    await expect(exec('k8s-stack-no-such-tool', [], { stream: false })).rejects.toThrow(
      'was not found on PATH'
    )
  })

  it('redacts registered secrets from echoed output', async () => {
    maskSecret('s3cret-sentinel-value')
    const writes: string[] = []
    const spy = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => {
        writes.push(String(chunk))
        return true
      })
    try {
      await exec(node, ['-e', 'console.log("token=s3cret-sentinel-value")'])
    } finally {
      spy.mockRestore()
    }
    const echoed = writes.filter(w => !w.startsWith('::add-mask::')).join('')
    expect(echoed).toContain('token=***')
    expect(echoed).not.toContain('s3cret-sentinel-value')
    expect(lastErrorLine({ stdout: '', stderr: 'error: bad s3cret-sentinel-value' })).toBe(
      'error: bad ***'
    )
    expect(redact(Buffer.from('s3cret-sentinel-value').toString('base64'))).toBe('***')
  })
})
