import * as core from './commands'
import { oneLine } from './errors'
import { redact } from './secrets'

const POST_STATE = 'isPost'

/**
 * The one error boundary of every action: runs `main`, or `post` on the post step, and
 * turns anything thrown (Error or not) into a single failed line.
 */
export async function run(main: () => Promise<void>, post?: () => Promise<void>): Promise<void> {
  const isPost = core.getState(POST_STATE) === 'true'
  try {
    if (isPost) {
      if (post) await post()
      return
    }
    if (post) core.saveState(POST_STATE, 'true')
    await main()
  } catch (error) {
    core.setFailed(redact(oneLine(error)))
  }
}
