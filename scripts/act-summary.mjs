// Prints the job summaries that named steps wrote, from an act log.
//   node scripts/act-summary.mjs ACT_LOG 'Step name' ['Step name'...]
// act logs a step as "[job] ⭐ Run Main <step name>" and its summary as
// "[job]   ⚙  Summary - <first line>" followed by the remaining lines, unprefixed.
import { readFileSync } from 'node:fs'

/** { step name -> summary markdown } for the steps asked for (the last run of each). */
export function summaries(log, steps) {
  const found = {}
  let current = ''
  let collecting = undefined
  for (const line of log.split('\n')) {
    if (/^\[[^\]]*\]/.test(line)) {
      collecting = undefined
      const run = /⭐ Run (?:Main|Post) (.*)$/.exec(line)
      if (run) current = run[1].trim()
      const summary = /⚙ {2}Summary - (.*)$/.exec(line)
      if (summary && steps.includes(current)) {
        collecting = current
        found[current] = summary[1]
      }
    } else if (collecting) {
      found[collecting] += '\n' + line
    }
  }
  return found
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [file, ...steps] = process.argv.slice(2)
  const found = summaries(readFileSync(file, 'utf8'), steps)
  for (const step of steps) {
    if (found[step]) console.log(`\n${found[step].trim()}\n`)
  }
  if (Object.keys(found).length === 0) process.exitCode = 1
}
