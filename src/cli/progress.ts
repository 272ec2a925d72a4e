/** A one-line progress bar on stderr (plain lines when stderr is not a terminal). */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let last = '';
  return {
    update: (done: number, total: number, note = ''): void => {
      const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}% ${done}/${total} ${note}`;
      if (tty) process.stderr.write(`\r${line.padEnd(last.length)}`);
      else if (
        pct === 100 ||
        Math.floor(pct / 10) !== Math.floor(Number(/\] (\d+)%/.exec(last)?.[1] ?? -10) / 10)
      ) {
        process.stderr.write(`${line}\n`);
      }
      last = line;
    },
    done: (): void => {
      if (tty && last) process.stderr.write('\n');
    },
  };
}
