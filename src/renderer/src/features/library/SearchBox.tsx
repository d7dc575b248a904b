import type { Ref } from 'react'

interface SearchBoxProps {
  value: string
  onChange: (value: string) => void
  inputRef: Ref<HTMLInputElement>
}

export function SearchBox({ value, onChange, inputRef }: SearchBoxProps) {
  return (
    <div role="search" className="search">
      <label htmlFor="library-search" className="visually-hidden">
        Search library
      </label>
      <input
        ref={inputRef}
        id="library-search"
        type="search"
        className="search__input"
        placeholder="Search library"
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="/"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value !== '') {
            event.preventDefault()
            onChange('')
          }
        }}
      />
      <kbd className="search__key" aria-hidden="true">
        /
      </kbd>
    </div>
  )
}
