import { useEffect, useState } from 'react';
import { SearchIcon } from './icons';

/**
 * A search field that applies its text after a short pause (and at once on Enter), so that the
 * URL — and with it the query — changes once per word, not once per key.
 */
export function FilterInput({ value, onChange, placeholder, label }: { value: string; onChange: (value: string) => void; placeholder: string; label: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text), 350);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <label className="filter-search">
      <SearchIcon />
      <input
        className="input"
        type="search"
        value={text}
        placeholder={placeholder}
        aria-label={label}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onChange(text);
        }}
      />
    </label>
  );
}
