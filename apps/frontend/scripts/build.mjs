// Builds the SPA into build/: every asset gets a content hash in its name (so nginx can
// cache it for a year), and index.html, which must never be cached, points at them.
//   node scripts/build.mjs [--out DIR]
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outFlag = process.argv.indexOf('--out')
const out = outFlag > 0 ? resolve(process.argv[outFlag + 1]) : join(root, 'build')
const src = join(root, 'src')

rmSync(out, { recursive: true, force: true })
mkdirSync(join(out, 'assets'), { recursive: true })

const manifest = {}
for (const file of readdirSync(src).sort()) {
  if (file === 'index.html') continue
  const content = readFileSync(join(src, file))
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 12)
  const hashed = `${basename(file, extname(file))}.${hash}${extname(file)}`
  writeFileSync(join(out, 'assets', hashed), content)
  manifest[file] = `/assets/${hashed}`
}

let html = readFileSync(join(src, 'index.html'), 'utf8')
for (const [file, url] of Object.entries(manifest)) {
  const ref = `/${file}`
  if (!html.includes(`"${ref}"`)) throw new Error(`build: index.html does not reference ${ref}`)
  html = html.split(`"${ref}"`).join(`"${url}"`)
}
writeFileSync(join(out, 'index.html'), html)
writeFileSync(join(out, 'asset-manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
process.stdout.write(`built ${Object.keys(manifest).length + 1} files into ${out}\n`)
