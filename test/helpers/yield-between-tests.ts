/**
 * Lets each test worker reach the event loop's poll phase between tests.
 *
 * PGlite answers queries without I/O, so a file of database tests can run for a minute on pure
 * promise chains; the worker then never reads vitest's RPC replies and fails the run with
 * "Timeout calling onTaskUpdate" although every test passed (vitest-dev/vitest#6479).
 */
import { setImmediate } from "node:timers/promises";
import { afterEach, beforeEach } from "vitest";

beforeEach(() => setImmediate());
afterEach(() => setImmediate());
