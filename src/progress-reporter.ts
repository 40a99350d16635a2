/** Progress on stderr: a bar redrawn in place on a terminal, else a line per tenth, with rate and ETA. */
export function progressReporter(total: number, unit = "patients", stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastTenth = -1;
  return (done: number) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 1e-3);
    const eta = (total - done) / Math.max(rate, 1e-9);
    const line = `${done.toLocaleString("en")}/${total.toLocaleString("en")} ${unit}, ${Math.round(rate).toLocaleString("en")}/s, ${seconds.toFixed(0)} s elapsed, ETA ${eta.toFixed(0)} s`;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${line}${done === total ? "\n" : ""}`);
    } else if (Math.floor((done / total) * 10) > lastTenth || done === total) {
      lastTenth = Math.floor((done / total) * 10);
      stream.write(`${line}\n`);
    }
  };
}
