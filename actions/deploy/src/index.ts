import { run } from '../../../src/core/run'
import { main, post } from './main'

void run(main, post)
