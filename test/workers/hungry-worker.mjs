// A worker entry for the pool tests: "eat" holds memory until the heap limit ends the thread; "exit" quits mid-task.
export default function hungry(message) {
  if (message.name === "exit") process.exit(3);
  const held = [];
  for (;;) held.push(new Array(1_000_000).fill(held.length));
}
