// Bundles each action's entry into actions/<name>/dist/index.js with ncc.
// --transpile-only: types are checked once by `tsc --noEmit` (npm run typecheck); ncc would
// otherwise type-check the whole project, tests included, for every bundle.
//   node scripts/build-dist.mjs [name...] [--out DIR]   (--out: build elsewhere, for the sync check)
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const args = process.argv.slice(2)
const outAt = args.indexOf('--out')
const outRoot = outAt >= 0 ? path.resolve(args[outAt + 1]) : undefined
const names = args.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1))
const all = readdirSync(path.join(root, 'actions')).filter(n =>
  existsSync(path.join(root, 'actions', n, 'src', 'index.ts'))
)
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

for (const name of names.length ? names : all) {
  if (!all.includes(name)) throw new Error(`unknown action ${name} (have: ${all.join(', ')})`)
  const out = outRoot ? path.join(outRoot, name) : path.join(root, 'actions', name, 'dist')
  rmSync(out, { recursive: true, force: true })
  execFileSync(
    process.execPath,
    [
      ncc,
      'build',
      path.join(root, 'actions', name, 'src', 'index.ts'),
      '--out',
      out,
      '--license',
      'licenses.txt',
      '--quiet',
      '--transpile-only',
      '--target',
      'es2022'
    ],
    { stdio: 'inherit', cwd: root }
  )
}
