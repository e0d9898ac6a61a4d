import { useEffect } from 'react';

/** Sets the window title while a page is shown. */
export function useTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Reprise` : 'Reprise';
  }, [title]);
}
