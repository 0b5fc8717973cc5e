import { closeSync, openSync, readSync } from 'node:fs'

/**
 * What `go version -m` prints of a Go binary: the main package, its module and version, and
 * the build settings. Read from the binary's `.go.buildinfo` section, so that a tool's version
 * is known without starting it (a `helm version` costs a process start on every deploy).
 */
export interface GoBuildInfo {
  goVersion: string
  /** The main package, e.g. helm.sh/helm/v4/cmd/helm. */
  path: string
  /** The main module and its version ("(devel)" for a plain `go build` without VCS data). */
  module?: { path: string; version: string }
  /** Build settings: -ldflags, -trimpath, vcs.revision, ... */
  settings: Record<string, string>
  /** Dependency module path to version. */
  deps: Record<string, string>
}

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1')
const FLAGS_VERSION_INLINE = 0x2

function readAt(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length)
  const n = readSync(fd, buf, 0, length, offset)
  return buf.subarray(0, n)
}

/** Offset and size of the ELF section `name`, or undefined (not ELF, or no such section). */
function elfSection(fd: number, name: string): { offset: number; size: number } | undefined {
  const header = readAt(fd, 0, 64)
  if (header.length < 52 || header.toString('latin1', 0, 4) !== '\x7fELF') return undefined
  const is64 = header[4] === 2
  const le = header[5] === 1
  const u16 = (b: Buffer, o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o))
  const u32 = (b: Buffer, o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o))
  const word = (b: Buffer, o: number) =>
    is64 ? Number(le ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o)) : u32(b, o)
  const shoff = word(header, is64 ? 0x28 : 0x20)
  const shentsize = u16(header, is64 ? 0x3a : 0x2e)
  const shnum = u16(header, is64 ? 0x3c : 0x30)
  const shstrndx = u16(header, is64 ? 0x3e : 0x32)
  if (!shoff || !shnum || shstrndx >= shnum) return undefined
  const table = readAt(fd, shoff, shentsize * shnum)
  if (table.length < shentsize * shnum) return undefined
  const section = (i: number) => {
    const at = i * shentsize
    return {
      name: u32(table, at),
      offset: word(table, at + (is64 ? 24 : 16)),
      size: word(table, at + (is64 ? 32 : 20))
    }
  }
  const strtab = section(shstrndx)
  const names = readAt(fd, strtab.offset, strtab.size)
  for (let i = 0; i < shnum; i++) {
    const s = section(i)
    const end = names.indexOf(0, s.name)
    if (names.toString('latin1', s.name, end < 0 ? undefined : end) === name)
      return { offset: s.offset, size: s.size }
  }
  return undefined
}

/** A uvarint-prefixed string at `at`; the string and the offset after it. */
function varString(buf: Buffer, at: number): [string, number] {
  let length = 0
  let shift = 0
  let i = at
  for (; i < buf.length; i++) {
    length += (buf[i] & 0x7f) * 2 ** shift
    shift += 7
    if (!(buf[i] & 0x80)) break
  }
  const start = i + 1
  if (start + length > buf.length) throw new Error('truncated build info')
  return [buf.toString('utf8', start, start + length), start + length]
}

/** Parses the text `go version -m` shows (path, mod, dep, build lines). */
export function parseModInfo(goVersion: string, text: string): GoBuildInfo {
  const info: GoBuildInfo = { goVersion, path: '', settings: {}, deps: {} }
  for (const line of text.split('\n')) {
    const [kind, ...fields] = line.split('\t')
    if (kind === 'path') info.path = fields[0] ?? ''
    else if (kind === 'mod') info.module = { path: fields[0] ?? '', version: fields[1] ?? '' }
    else if (kind === 'dep' && fields[0]) info.deps[fields[0]] = fields[1] ?? ''
    else if (kind === 'build') {
      const [key, ...value] = fields.join('\t').split('=')
      info.settings[key] = value.join('=').replace(/^"(.*)"$/, '$1')
    }
  }
  return info
}

/**
 * Reads the build info of an ELF Go binary (Go 1.18 or later); undefined for anything else
 * (a script, another format, an older Go), where the caller asks the tool itself.
 */
export function readGoBuildInfo(file: string): GoBuildInfo | undefined {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch {
    return undefined
  }
  try {
    const section = elfSection(fd, '.go.buildinfo')
    if (!section || section.size < 32) return undefined
    const data = readAt(fd, section.offset, Math.min(section.size, 1 << 20))
    if (!data.subarray(0, MAGIC.length).equals(MAGIC)) return undefined
    if (!(data[15] & FLAGS_VERSION_INLINE)) return undefined
    const [goVersion, next] = varString(data, 32)
    let [mod] = varString(data, next)
    // The module text is framed by 16-byte sentinels (cmd/go's infoStart and infoEnd).
    if (mod.length >= 33 && mod[mod.length - 17] === '\n') mod = mod.slice(16, -16)
    return parseModInfo(goVersion, mod)
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}
