/** Every main-pane view titles itself with this id, so actions can hand focus to it. */
export const MAIN_HEADING_ID = 'main-heading'

/** After the view changes (create, delete), move focus to its heading once React has rendered it. */
export function focusMainHeading(): void {
  requestAnimationFrame(() => document.getElementById(MAIN_HEADING_ID)?.focus())
}

/** After the service rejects a form: focus the first field it named, or bring the message into view. */
export function focusFirstProblem(form: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]')
    if (field) field.focus()
    else form?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'nearest' })
  })
}
