/**
 * Runs `task` now and then every `intervalS` seconds until stopped; a run never overlaps the
 * one before, stopping waits for a run under way, and failures are logged, not thrown. For the
 * background clean-ups each server does for itself.
 */
export function startPeriodic(
  task: () => Promise<unknown>,
  intervalS: number,
  log: (err: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const run = () => {
    running ??= task()
      .catch(log)
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, intervalS * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
