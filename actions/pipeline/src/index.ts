import { run } from '../../../src/core/run'
import { main } from './main'

void run(main)
