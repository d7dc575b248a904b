import cliProgress from 'cli-progress'
import type { CliContext } from '../context'
import { inline } from '../terminal-text'

export interface Progress {
  /** True when a bar is drawn; per-file lines are then held back so they do not tear it. */
  isShown: boolean
  tick: (name: string) => void
  stop: () => void
}

/** A progress bar on stderr, only when stderr is a terminal and there is more than one item. */
export function startProgress(ctx: CliContext, total: number, label: string): Progress {
  const stream = ctx.io.progressStream
  if (!stream?.isTTY || total < 2) return { isShown: false, tick: () => {}, stop: () => {} }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {value}/{total} {name}`,
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  )
  bar.start(total, 0, { name: '' })
  return {
    isShown: true,
    // The bar writes to the terminal itself, past `main`'s writer, so file names are escaped here.
    tick: (name) => bar.increment(1, { name: inline(name.length > 40 ? `…${name.slice(-39)}` : name) }),
    stop: () => bar.stop(),
  }
}
