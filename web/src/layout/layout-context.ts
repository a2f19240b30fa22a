/** What the main layout shares with its pages: the region and year of the URL, and the years with data. */
import { useOutletContext } from "react-router";

export interface SelectedRegion {
  code: string;
  name: string;
}

export interface LayoutContext {
  /** The region of the URL (`?region=`), the user's own when the URL names none in their scope. */
  region: SelectedRegion;
  /** Goes to a region: a new history entry, so Back returns to the previous one. */
  selectRegion: (region: SelectedRegion) => void;
  /** The year of the URL (`?year=`). */
  year: number;
  /** The years with data in the user's region, newest first. */
  years: readonly number[];
  /** The latest of them (the year a first visit opens), or last year when there is none. */
  defaultYear: number;
}

export function useLayout(): LayoutContext {
  return useOutletContext<LayoutContext>();
}
