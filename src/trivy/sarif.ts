// SARIF from `trivy convert`, made ready for github/codeql-action/upload-sarif: file
// locations become paths relative to the repository (the workspace), since trivy writes
// them relative to the scanned directory and roots them at the report file it converted.
import path from 'node:path'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- SARIF is deep, loosely typed JSON
type Json = Record<string, any>

export interface SarifContext {
  /** The repository root (GITHUB_WORKSPACE). */
  workspace: string
  /** For fs and config scans: the absolute directory the scan's targets are relative to. */
  scanRoot?: string
}

/** Parses and checks the SARIF envelope; an unreadable SARIF fails the step. */
export function parseSarif(text: string, source: string): Json {
  let data: Json
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new Error(`${source} is not valid JSON (${(error as Error).message}).`)
  }
  if (!data || data.version !== '2.1.0' || !Array.isArray(data.runs)) {
    throw new Error(`${source} is not a SARIF 2.1.0 log (no version 2.1.0 or no runs).`)
  }
  return data
}

/** Rewrites artifact locations to workspace-relative paths and roots them at the workspace. */
export function relocateSarif(sarif: Json, context: SarifContext): Json {
  const workspace = path.resolve(context.workspace)
  const prefix =
    context.scanRoot !== undefined
      ? path.relative(workspace, path.resolve(context.scanRoot)).split(path.sep).join('/')
      : ''
  const inside = prefix === '' || !prefix.startsWith('..')
  for (const run of sarif.runs as Json[]) {
    run.originalUriBaseIds = { ROOTPATH: { uri: `file://${workspace.split(path.sep).join('/')}/` } }
    if (context.scanRoot === undefined || !inside || prefix === '') continue
    for (const result of (run.results ?? []) as Json[]) {
      for (const location of (result.locations ?? []) as Json[]) {
        const artifact = location?.physicalLocation?.artifactLocation
        if (
          !artifact ||
          typeof artifact.uri !== 'string' ||
          /^[a-z][a-z0-9+.-]*:/i.test(artifact.uri)
        )
          continue
        artifact.uri = path.posix.join(prefix, artifact.uri)
      }
    }
  }
  return sarif
}
