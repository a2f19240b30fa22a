/**
 * Allocation plans (因素法): import a model file, read its factor values from Jixiao's data and its
 * performance grades from last year's approved evaluations, compute with the domain, copy into
 * scenarios, compare, export, and approve through the same review steps as evaluations.
 */
export * from "./files.ts";
export * from "./plans.ts";
export * from "./review.ts";
