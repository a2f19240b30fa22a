/** How a published figure is compared with the one recomputed from its parts. */
import type { Decimal } from "../decimal.ts";

/**
 * True when a published rate agrees with the recomputed one at the published precision: two
 * decimals (half up), or fewer when the figure is printed with fewer ("101.2%", "105%").
 */
export function agreesAtPrecision(published: Decimal, computed: Decimal): boolean {
  const places = Math.min(published.decimalPlaces(), 2);
  if (computed.toDecimalPlaces(2).equals(published)) return true;
  return places < 2 && computed.toDecimalPlaces(places).equals(published);
}
