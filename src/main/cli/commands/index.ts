import type { Command } from 'commander'
import type { CliContext } from '../context'
import { registerAnalyze } from './analyze'
import { registerBackup } from './backup'
import { registerCheck } from './check'
import { registerExport } from './export'
import { registerImport } from './import'
import { registerList } from './list'
import { registerServe } from './serve'

/** One module per command; a new command (analyze, check, export, backup) adds one line here. */
export const COMMANDS: ((program: Command, ctx: CliContext) => void)[] = [
  registerImport,
  registerList,
  registerServe,
  registerAnalyze,
  registerCheck,
  registerBackup,
  registerExport,
]
