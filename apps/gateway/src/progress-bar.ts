import { Presets, SingleBar } from "cli-progress";

export interface ProgressOutput {
  /** Items done of the total so far. */
  update: (done: number, total: number) => void;
  stop: () => void;
}

/**
 * A progress display for long CLI work on `stream`: a bar (cli-progress) on a terminal; in
 * a pipe or a log, one plain line each time another tenth is done (and at the end).
 */
export function progressBar(stream: NodeJS.WriteStream | NodeJS.WritableStream): ProgressOutput {
  if ("isTTY" in stream && stream.isTTY) {
    const bar = new SingleBar(
      { stream, format: "{bar} {percentage}% | {value}/{total} users", hideCursor: true },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let lastTenth = -1;
  let lastDone = -1;
  return {
    update(done, total) {
      const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (done === lastDone || (tenth === lastTenth && done < total)) return;
      lastTenth = tenth;
      lastDone = done;
      stream.write(`${done}/${total} users (${Math.floor((done * 100) / Math.max(total, 1))}%)\n`);
    },
    stop: () => {},
  };
}
