/** Worker threads (piscina) for CPU-only work, so a national file does not stall every other request. */
import { availableParallelism } from "node:os";
import { setImmediate as nextTurn } from "node:timers/promises";
import { Piscina } from "piscina";
import { DomainError } from "../domain/errors.ts";
import {
  joinArrays,
  SLICED,
  sliceArrays,
  type TaskAnswer,
  type TaskInput,
  type TaskName,
  type TaskOutput,
} from "./tasks.ts";

/** An idle thread is kept this long for the next task (a thread starts in about a second). */
const IDLE_MS = 60_000;
/** Shutdown waits this long for running tasks, then ends the threads. */
const CLOSE_MS = 5_000;

/**
 * Old-generation heap of one thread (MB; `JIXIAO_WORKER_HEAP_MB`): the national 台账 needs well under
 * it, and two threads at most stay within a few GB of a shared machine; past it the task answers 413.
 */
const HEAP_MB = 2048;

let pool: Piscina | null = null;
let configured: number | undefined;
/** Tests only: another entry file or heap limit. */
let testOptions: WorkerTestOptions = {};

export interface WorkerTestOptions {
  /** A worker entry instead of worker.mjs. */
  filename?: string;
  /** Heap limit of a thread in MB instead of HEAP_MB. */
  maxOldGenerationSizeMb?: number;
}

function heapMb(): number {
  if (testOptions.maxOldGenerationSizeMb) return testOptions.maxOldGenerationSizeMb;
  const env = process.env.JIXIAO_WORKER_HEAP_MB?.trim();
  return env && /^[1-9]\d*$/.test(env) ? Number(env) : HEAP_MB;
}

/**
 * How many threads run the work: `JIXIAO_WORKERS` (0 = on the main thread, as before workers),
 * else min(2, cores). `configureWorkers` overrides it (tests compare both paths).
 */
export function workerThreads(): number {
  if (configured !== undefined) return configured;
  const env = process.env.JIXIAO_WORKERS?.trim();
  if (env && /^\d+$/.test(env)) return Number(env);
  return Math.min(2, availableParallelism());
}

/** Sets the number of threads (0: main thread); a running pool of another size is replaced. */
export async function configureWorkers(
  threads: number | undefined,
  options: WorkerTestOptions = {},
): Promise<void> {
  const changed =
    options.filename !== testOptions.filename ||
    options.maxOldGenerationSizeMb !== testOptions.maxOldGenerationSizeMb;
  configured = threads;
  testOptions = options;
  const size = workerThreads();
  if (pool && (changed || (size > 0 && pool.options.maxThreads !== size))) await closeWorkers();
}

function poolOf(threads: number): Piscina {
  pool ??= new Piscina({
    // A .mjs entry that registers tsx: worker threads do not inherit the main thread's loader.
    filename: testOptions.filename ?? new URL("./worker.mjs", import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: IDLE_MS,
    closeTimeout: CLOSE_MS,
    // Below the main thread's priority: on a busy machine requests are answered first.
    niceIncrement: 10,
    // A thread past its heap dies alone (ERR_WORKER_OUT_OF_MEMORY), not the whole server.
    resourceLimits: { maxOldGenerationSizeMb: heapMb() },
  });
  return pool;
}

/**
 * Runs one task in a worker thread (or here when workers are off) and answers its result; a
 * DomainError thrown there is thrown here with the same code, params and details. `transfer`
 * lists buffers of `input` that move to the thread instead of being copied (they are unusable here
 * afterwards).
 */
export async function runTask<N extends TaskName>(
  name: N,
  input: TaskInput<N>,
  transfer: ArrayBuffer[] = [],
): Promise<TaskOutput<N>> {
  const threads = workerThreads();
  if (threads === 0) {
    const { TASKS } = await import("./tasks.ts");
    const task = TASKS[name] as (input: TaskInput<N>) => TaskOutput<N> | Promise<TaskOutput<N>>;
    return task(input);
  }
  const paths = SLICED[name];
  // Other requests run between the slices: the main thread is never held for long.
  const pause = () => nextTurn();
  const moved = [...transfer];
  const sent = paths?.input ? await sliceArrays(input, paths.input, pause, moved) : input;
  const answer = (await poolOf(threads)
    .run({ name, input: sent }, { transferList: moved })
    .catch((err: unknown) => {
      throw lostWorkerError(err, name);
    })) as TaskAnswer<TaskOutput<N>>;
  if ("domainError" in answer) {
    const e = answer.domainError;
    throw new DomainError(e.code, e.params, e.details);
  }
  if (!paths?.output) return answer.value;
  return (await joinArrays(answer.value, paths.output, pause)) as TaskOutput<N>;
}

/**
 * A thread that ran out of heap or exited mid-task as a DomainError (413 / 503), not a 500; any
 * other error (a bug in a task) stays as it is.
 */
export function lostWorkerError(err: unknown, task: string): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY") {
    return new DomainError("task.too_large", { limit: `${heapMb()} MB` }, { task });
  }
  if (err instanceof Error && /^worker exited with code/.test(err.message)) {
    return new DomainError("task.interrupted", {}, { task });
  }
  return err;
}

/** Ends the threads (server stop, tests); running tasks get a few seconds to finish. */
export async function closeWorkers(): Promise<void> {
  const closing = pool;
  pool = null;
  if (closing) await closing.close({ force: true });
}
