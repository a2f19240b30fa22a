// A worker thread's entry: registers tsx (workers do not inherit the main thread's loader), then
// answers the pool's calls with the TypeScript tasks.
import { register } from "tsx/esm/api";

register();
const { workerAnswer } = await import("./tasks.ts");

export default workerAnswer;
