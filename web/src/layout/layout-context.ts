/** What the main layout shares with its pages: the region chosen in the region tree. */
import { useOutletContext } from "react-router";

export interface SelectedRegion {
  code: string;
  name: string;
}

export interface LayoutContext {
  region: SelectedRegion;
  selectRegion: (region: SelectedRegion) => void;
}

export function useLayout(): LayoutContext {
  return useOutletContext<LayoutContext>();
}
