import type { ChildProcess } from 'node:child_process';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Every guard's signal handler, to tell them apart from handlers the application installed. */
const guardHandlers = new Set<NodeJS.SignalsListener>();

/**
 * Makes sure a child process does not outlive this one, whatever way this one ends: a normal exit,
 * an uncaught error, or a signal. The kill is synchronous (a `kill(2)` call), the only thing Node
 * still runs on `exit`. For a signal nobody else handles, the guard kills the child and re-raises
 * the signal so the process still dies as it would have; where the application handles the signal
 * itself (start.ts stops everything gracefully), the guard only kills the child early.
 *
 * Returns the function that removes the guard once the child has been stopped on purpose.
 */
export function guardChildProcess(child: ChildProcess): () => void {
  const killChild = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  const signalHandlers = SIGNALS.map((signal) => {
    const handler = (): void => {
      killChild();
      const applicationHandlers = process
        .listeners(signal)
        .filter((listener) => !guardHandlers.has(listener));
      if (applicationHandlers.length > 0) return;
      release();
      // The last guard to let go restores the default: the signal ends the process.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    guardHandlers.add(handler);
    return [signal, handler] as const;
  });

  process.on('exit', killChild);
  process.on('uncaughtExceptionMonitor', killChild);
  for (const [signal, handler] of signalHandlers) process.on(signal, handler);

  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', killChild);
    process.off('uncaughtExceptionMonitor', killChild);
    for (const [signal, handler] of signalHandlers) {
      process.off(signal, handler);
      guardHandlers.delete(handler);
    }
  };
  return release;
}
