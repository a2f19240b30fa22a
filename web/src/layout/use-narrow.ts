/** Whether the window is below antd's lg breakpoint (phones, narrow tablets), known from the first render. */
import { useEffect, useState } from "react";

const NARROW = "(max-width: 991.98px)";

export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const changed = () => setNarrow(query.matches);
    changed();
    query.addEventListener("change", changed);
    return () => query.removeEventListener("change", changed);
  }, []);
  return narrow;
}
