/** Where the command line writes: the process streams, or buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** A progress bar is drawn only on a terminal. */
  errIsTTY: boolean;
  /** Stream the progress bar draws on (stderr). */
  errStream?: NodeJS.WritableStream;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTTY: Boolean(process.stderr.isTTY),
  errStream: process.stderr,
};
