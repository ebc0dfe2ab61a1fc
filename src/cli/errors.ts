/** A failure the user can act on: a French message, no stack trace, and the exit code to return. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

export const EXIT = {
  ok: 0,
  /** --strict and the cartographie holds invalid or incoherent entries. */
  findings: 1,
  /** Bad command line, or an input that cannot be read. */
  usage: 2,
} as const;
