/**
 * The one YAML reader and writer: js-yaml with the YAML 1.2 core schema. Core, not js-yaml's
 * default, so that what Kubernetes reads as a string stays one: no timestamps (`2024-01-01`
 * is not a Date), no merge keys, no !!binary. js-yaml loads and parses several times faster
 * than the `yaml` package, which every step's start and every manifest diff pays for.
 */
import { CORE_SCHEMA, dump, load, loadAll } from 'js-yaml'

/** One document; throws with the parser's first line (line and column) on invalid YAML. */
export function parseYaml(text: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA })
  } catch (error) {
    throw new Error(firstLine(error))
  }
}

/** Every document of a stream, empty ones included (as null). */
export function parseYamlDocuments(text: string): unknown[] {
  try {
    return loadAll(text, undefined, { schema: CORE_SCHEMA })
  } catch (error) {
    throw new Error(firstLine(error))
  }
}

/** Block-style YAML; `sortKeys` gives a canonical text for diffs. */
export function stringifyYaml(value: unknown, options: { sortKeys?: boolean } = {}): string {
  return dump(value, {
    schema: CORE_SCHEMA,
    lineWidth: -1,
    noRefs: true,
    sortKeys: options.sortKeys ?? false
  })
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]
}
