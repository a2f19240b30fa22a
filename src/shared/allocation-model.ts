/** The shape of a stored allocation model, for the web's model editor and plan pages. */
export type { AllocationModel, RoundingUnit } from "../domain/allocation/model-schema.ts";
