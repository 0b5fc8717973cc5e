// npm run bench [name...]: runs each benchmark in scripts/bench/ (or the named ones); each
// writes its figures to bench-results/<name>.json.
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench')
const wanted = process.argv.slice(2)
const all = readdirSync(dir)
  .filter(f => f.endsWith('.mjs'))
  .map(f => f.replace(/\.mjs$/, ''))
let failed = 0
for (const name of wanted.length ? wanted : all) {
  console.log(`\n== bench ${name}`)
  try {
    execFileSync(process.execPath, [path.join(dir, `${name}.mjs`)], { stdio: 'inherit' })
  } catch {
    failed++
    console.error(`bench ${name} failed`)
  }
}
process.exit(failed ? 1 : 0)
